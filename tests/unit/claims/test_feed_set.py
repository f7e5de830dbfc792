"""The general-news feed set (`tests/data/feeds/general/`): its labels are well formed, its split is
the documented one, and the extractor's figures on both parts hold their record."""

from __future__ import annotations

import re
from functools import cache

import pytest

from shared.claims.model import CASUALTY_CATEGORIES, CEASEFIRE_CATEGORIES, CONTEXTS
from tools.feed_entries import FeedScore, load_entries, part_of, score_entries
from tools.quality import Figure, assert_holds

ABOUT = set(CONTEXTS)


@cache
def score(part: str) -> FeedScore:
    return score_entries(load_entries(part))


def test_the_set_is_whole_and_its_labels_well_formed() -> None:
    entries = load_entries()
    assert len(entries) >= 1624 and len({entry["id"] for entry in entries}) == len(entries)
    for entry in entries:
        assert entry["about"] in ABOUT, entry["id"]
        assert entry["source"].get("repo") or entry["source"].get("url"), entry["id"]
        for claim in entry["expected"]:
            categories = claim["category"] if isinstance(claim["category"], list) else [claim["category"]]
            assert set(categories) <= set(CASUALTY_CATEGORIES + CEASEFIRE_CATEGORIES), entry["id"]
            assert claim["context"] in ABOUT, entry["id"]
            assert claim["conflict"] is None or re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", claim["conflict"]), entry["id"]


def test_the_split_is_fixed_by_the_id() -> None:
    assert part_of("bbc-2020-10-13-031") == "development" and part_of("bbc-2020-10-13-022") == "held-out"
    development, held_out = load_entries("development"), load_entries("held-out")
    assert (len(development), len(held_out)) == (1161, 463)
    assert not {e["id"] for e in development} & {e["id"] for e in held_out}


@pytest.mark.parametrize("part", ["development", "held-out"])
def test_figures_hold_their_record(part: str) -> None:
    found = score(part)
    gate = "claims.feeds." + part.replace("-", "_")
    assert_holds(gate, {
        "fully_right": Figure(found.precision, found.found),
        "non_war_kept_off_war": Figure(1 - found.off_topic_war_share, found.off_topic),
        "conflict_recall": Figure(found.war_recall, found.war_expected),
        "claimant_accuracy": Figure(found.claimant_accuracy, found.matched),
    })


def test_no_entry_outside_war_alerts_as_current_war_on_the_development_part() -> None:
    wrongly = [
        (result.entry["id"], claim["sentence"][:80])
        for result in score("development").results if result.entry["about"] != "armed_conflict"
        for claim in result.extracted
        if claim["context"] == "armed_conflict" and not claim["historical"]
        and not any(expected["context"] == "armed_conflict" for expected in result.entry["expected"])
    ]
    assert wrongly == []
