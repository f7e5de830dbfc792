from datetime import UTC, datetime, timedelta

from services.dedupe.assign import assign_story
from services.dedupe.decision import Outcome
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter, Item
from services.dedupe.index.memory import MAX_BUCKET_SCAN, InMemoryStoryIndex

CONFIG = DedupeConfig(window=timedelta(days=3))
T0 = datetime(2020, 10, 1, tzinfo=UTC)
BODY = ("Armenia and Azerbaijan agreed to a humanitarian ceasefire after more than ten hours of "
        "talks in Moscow, Russian Foreign Minister Sergei Lavrov said. The truce is meant to allow "
        "the exchange of prisoners and the bodies of the dead.")
fingerprint = Fingerprinter(CONFIG)


def _fp(item_id: str, text: str = BODY, source: str = "s", days: float = 0, url: str | None = None):
    item = Item(id=item_id, source=source, text=text, url=url, published=T0 + timedelta(days=days))
    return fingerprint(item, T0)


async def _assign(index, fp):
    return await assign_story(index, fp, CONFIG, new_story_id=lambda: f"story-{fp.item_key}")


async def test_copies_join_one_story_and_a_repeat_changes_nothing():
    index = InMemoryStoryIndex()
    first = await _assign(index, _fp("a"))
    copy = await _assign(index, _fp("b", BODY.replace("said", "announced"), source="t"))
    again = await _assign(index, _fp("a"))
    assert first.outcome is Outcome.NEW
    assert copy.outcome is Outcome.NEAR_DUPLICATE and copy.story_id == first.story_id
    assert again.outcome is Outcome.REPEAT and len(index) == 2


async def test_same_url_and_same_text_are_exact():
    index = InMemoryStoryIndex()
    first = await _assign(index, _fp("a", url="https://www.x.example/a?utm_source=rss"))
    by_url = await _assign(index, _fp("b", "Different words entirely here.", url="http://x.example/a/"))
    by_text = await _assign(index, _fp("c", source="other"))
    assert (by_url.outcome, by_url.story_id) == (Outcome.EXACT, first.story_id)
    assert (by_text.outcome, by_text.method) == (Outcome.EXACT, "text_hash")


async def test_items_outside_the_window_do_not_meet():
    index = InMemoryStoryIndex()
    first = await _assign(index, _fp("a"))
    late = await _assign(index, _fp("b", BODY.replace("said", "announced"), days=4))
    early_copy = await _assign(index, _fp("c", BODY.replace("said", "stated"), days=-2))
    assert late.outcome is Outcome.NEW
    assert early_copy.story_id == first.story_id


async def test_prune_forgets_old_entries_but_keeps_item_keys():
    index = InMemoryStoryIndex()
    await _assign(index, _fp("a"))
    await _assign(index, _fp("b", "A different story about talks in Geneva on prisoners of war lists.", days=5))
    assert await index.prune(T0 + timedelta(days=1)) == 1
    assert len(index) == 1
    assert (await _assign(index, _fp("a"))).outcome is Outcome.REPEAT
    copy = await _assign(index, _fp("d", BODY.replace("said", "announced")))
    assert copy.outcome is Outcome.NEW


async def test_a_crowded_bucket_is_scanned_only_for_its_newest_entries():
    index = InMemoryStoryIndex()
    headline = "Live updates"
    for n in range(MAX_BUCKET_SCAN + 20):
        await index.add(f"story-{n}", _fp(f"i{n}", headline))
    found = await index.candidates(_fp("new", headline), CONFIG.window)
    assert len(found.near) == MAX_BUCKET_SCAN
    assert {e.story_id for e in found.near} == {f"story-{n}" for n in range(20, MAX_BUCKET_SCAN + 20)}
