"""Claims in Russian, Ukrainian, Armenian and Azerbaijani: each language's development and held-out
parts hold their recorded figures (precision, recall, side, claimant's party), and Ukraine's
ministry pages yield the day's totals with the right side and a basis on every listed claim."""

from __future__ import annotations

import json

import pytest

from tools.claims_languages import DATA, LANGUAGES, PARTS, cases, score
from tools.claims_tallies import score_pages, pages
from tools.quality import Figure, assert_holds


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_development_set_with_negatives(language: str) -> None:
    found = cases(language)
    negatives = [case for case in found if all(claim.get("historical") for claim in case["expected"])]
    assert len(found) >= 60
    assert len(negatives) >= len(found) / 4
    assert all(case.get("source") for case in found)


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_hold(language: str, part: str) -> None:
    result = score(language, part)
    assert_holds(f"claims.{language}.{part}", {
        "precision": Figure(result.precision, result.found),
        "recall": Figure(result.recall, result.expected),
        "side": Figure(result.side_accuracy, result.sides_judged),
        "party": Figure(result.party_accuracy, result.parties_judged),
    })


def test_the_ministry_pages_give_the_days_totals() -> None:
    result = score_pages(pages())
    assert result.totals_recall >= 0.97, result.summary()
    assert result.side_accuracy >= 0.95, result.summary()
    assert result.basis_share == 1.0, result.summary()
    assert result.historical == 0, result.summary()
    assert_holds("claims.ua_mod_pages", {
        "totals_found": Figure(result.totals_recall, result.totals_expected),
        "increments_found": Figure(result.increments_recall, result.increments_expected),
        "side": Figure(result.side_accuracy, result.claims),
    })


def test_the_general_staff_page_in_ukrainian_gives_its_totals() -> None:
    [page] = pages(DATA / "tallies" / "ua-gs-uk-2022.jsonl")
    result = score_pages([page])
    assert result.totals_recall >= 0.9, (result.summary(), result.missed)
    assert result.side_accuracy >= 0.95, result.summary()


def test_the_split_is_fixed_and_about_seventy_thirty() -> None:
    for language in LANGUAGES:
        development, held_out = len(cases(language, "development")), len(cases(language, "held-out"))
        assert 0.55 <= development / (development + held_out) <= 0.8
    assert json.loads((DATA / "ru" / "mod-briefings.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
