"""Copies that boilerplate cannot fake, each pair on its own (tests/data/incidents/copies_hard.jsonl),
and each host's boilerplate learnt from its pages (tests/data/incidents/host_boilerplate/)."""

import asyncio
import json
from pathlib import Path

import pytest

from services.dedupe.archive import cluster_items, item_from_json
from services.dedupe.fingerprint import DedupeConfig
from shared.text.boilerplate import MIN_ITEMS, HostBoilerplate, host_of, line_key, line_text, text_lines
from tools.quality import Figure, assert_holds

DATA = Path(__file__).parents[2] / "data" / "incidents"


def _pairs() -> list[dict]:
    return [json.loads(line) for line in (DATA / "copies_hard.jsonl").read_text(encoding="utf-8").splitlines()]


def _item(pair: dict, side: str):
    article, other = pair[side], pair["b" if side == "a" else "a"]
    return item_from_json({
        "id": f"{pair['id']}-{side}", "title": article["title"], "text": article["text"], "url": article["url"],
        "published": article["published"] or other["published"] or "2020-01-01", "source": article["outlet"],
    })


def _merged(pair: dict) -> bool:
    decided = dict(asyncio.run(cluster_items([_item(pair, "a"), _item(pair, "b")], DedupeConfig())))
    return len(set(decided.values())) == 1


def test_each_pair_on_its_own():
    pairs = _pairs()
    copies = [p for p in pairs if p["label"] == "copy"]
    distinct = [p for p in pairs if p["label"] == "distinct"]
    assert len(copies) >= 19 and len(distinct) >= 12
    kept_apart = [p["id"] for p in distinct if not _merged(p)]
    merged = [p["id"] for p in copies if _merged(p)]
    assert len(kept_apart) == len(distinct), f"merged though different: {set(p['id'] for p in distinct) - set(kept_apart)}"
    assert len(merged) >= len(copies) - 1, f"copies kept apart: {set(p['id'] for p in copies) - set(merged)}"
    assert_holds("dedupe.hard_pairs", {"distinct_kept_apart": Figure(len(kept_apart) / len(distinct), len(distinct)),
                                       "copies_merged": Figure(len(merged) / len(copies), len(copies))})


@pytest.mark.parametrize("pair_id", ["template-ar-janna-digits", "template-uk-genstaff-two-days"])
def test_templates_on_other_days_stay_apart_even_with_digits_folded(pair_id):
    [pair] = [p for p in _pairs() if p["id"] == pair_id]
    assert not _merged(pair)


def _host_items() -> dict[str, list[dict]]:
    hosts = {}
    for path in sorted((DATA / "host_boilerplate").glob("*.jsonl")):
        hosts[path.stem] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return hosts


def test_each_host_learns_its_boilerplate_lines_from_its_pages():
    """Online, as items arrive: a line is dropped from its third sighting on (the first two cannot
    be known yet). Precision: dropped lines that are labelled boilerplate; recall: labelled lines
    of the item's text (texts are cut at 3,000 characters) dropped, of those seen twice before."""
    dropped = right = learnable = caught = 0
    for host, items in _host_items().items():
        learnt, seen = HostBoilerplate(), {}
        for record in items:
            lines = text_lines(record["text"])
            drop = learnt.boilerplate(host_of(record["url"]) or host, lines)
            learnt.observe(host_of(record["url"]) or host, lines)
            labelled = {line_key(line_text(x)) for x in record["boilerplate_lines"]} & set(lines.keys)
            dropped += len(drop)
            right += len(drop & labelled)
            for key in labelled:
                if seen.get(key, 0) >= MIN_ITEMS - 1:
                    learnable += 1
                    caught += key in drop
            for key in lines.keys:
                seen[key] = seen.get(key, 0) + 1
    assert learnable >= 40
    precision, recall = right / dropped, caught / learnable
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)
    assert_holds("dedupe.host_boilerplate", {"precision": Figure(precision, dropped),
                                             "recall": Figure(recall, learnable)})
