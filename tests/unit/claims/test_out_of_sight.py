"""Drones "locationally lost" to electronic warfare are reported apart from those shot down: lost
from radar, not destroyed. The Ukrainian text is the Air Force's report of the night of 9 December
2024 (an official document of a state body)."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.extract import extract_claims

AIR_FORCE_2024_12_09 = ("У ніч на 9 грудня (з 19:00 8 грудня) противник атакував 50-ма ударними БпЛА типу Shahed "
                        "та дронами-імітаторами. Станом на 09:00 підтверджено збиття 23 ударних БпЛА; "
                        "22 ворожі БпЛА – локаційно втрачені (без негативних наслідків).")


def found(text: str, language: str, claimant: str | None = "Ukraine") -> list[tuple]:
    return [(c.category, c.subject, c.count.min if c.count else None)
            for c in extract_claims(text, date(2024, 12, 9), claimant, language)]


def test_the_air_forces_locationally_lost_drones_are_no_loss() -> None:
    assert found(AIR_FORCE_2024_12_09, "uk") == [("downed", "drone", 23)]


@pytest.mark.parametrize(("text", "language"), [
    ("Сбиты 23 ударных БПЛА, ещё 22 локационно потеряны.", "ru"),
    ("23 attack drones were shot down; 22 enemy drones were locationally lost.", "en"),
    ("23 attack drones were shot down and 22 more were lost from radar.", "en"),
    ("23 attack drones were shot down. Contact with three drones was lost.", "en"),
])
def test_lost_from_radar_is_no_loss_in_any_language(text: str, language: str) -> None:
    assert found(text, language) == [("downed", "drone", 23)]


@pytest.mark.parametrize(("text", "language"), [
    ("Окупанти втратили 20 танків.", "uk"),
    ("ВСУ потеряли 20 танков.", "ru"),
    ("Russia lost 20 tanks near Avdiivka.", "en"),
    ("Along the contact line Russia lost 20 tanks.", "en"),
    ("В связи с потерями 20 танков ВСУ отступили.", "ru"),
    ("У зв’язку з цим окупанти втратили 20 танків.", "uk"),
])
def test_a_loss_without_radar_is_still_a_loss(text: str, language: str) -> None:
    assert found(text, language) == [("destroyed", "tank", 20)]
