"""What dedupe's fingerprint of one item holds: its canonical URL, the text as compared (without
consent notices and learnt boilerplate), whether the text is about its headline, whether the item
is its headline alone, and the keys an exact copy or a headline-only entry is found by."""

from datetime import UTC, datetime

import numpy as np
import pytest

from services.dedupe.fingerprint import DedupeConfig, Fingerprinter, Item, canonical_url
from shared.text.boilerplate import line_key, line_text, text_lines

NOW = datetime(2020, 10, 5, tzinfo=UTC)
fingerprint = Fingerprinter()
HEADLINE = "Drones downed over Kyiv overnight"


def _fp(text: str = "", title: str = "", url: str | None = None, **kw):
    return fingerprint(Item(id="i1", source="s", title=title, text=text, url=url), NOW, **kw)


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTPS://WWW.X.example/p/BOX/#top", "//x.example/p/BOX"),  # no scheme, no fragment; the path keeps its case
    ("https://x.example/", "//x.example/"),
    ("http://x.example", "//x.example/"),
    ("https://x.example/a?id=1&utm_source=rss&fbclid=abc&x=", "//x.example/a?id=1&x="),  # blank values kept
])
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_urls_of_two_articles_differing_only_in_the_query_stay_apart():
    assert canonical_url("https://x.example/view?id=1") != canonical_url("https://x.example/view?id=2")
    assert canonical_url("https://x.example/view?id=") != canonical_url("https://x.example/view")


def test_the_seed_picks_the_hash_family():
    text = "Armenia and Azerbaijan agreed to a humanitarian ceasefire after talks in Moscow on Saturday."
    default, again = _fp(text), Fingerprinter(DedupeConfig())(Item(id="i1", source="s", text=text), NOW)
    other = Fingerprinter(DedupeConfig(seed=1))(Item(id="i1", source="s", text=text), NOW)
    assert np.array_equal(default.signature, again.signature)
    assert not np.array_equal(default.signature, other.signature)


def test_the_shingle_sizes_configured_are_those_used():
    text = "the toll rose to twelve the ministry said the toll"
    unigrams = Fingerprinter(DedupeConfig(shingle_sizes=(1,)))(Item(id="i1", source="s", text=text), NOW)
    assert unigrams.size == len(set(text.split()))


def test_the_host_and_the_headline_without_the_hosts_name():
    fp = _fp("Shelling resumed near Martuni overnight, the local administration said on Sunday.",
             title="Shelling near Martuni - Hetq", url="https://www.hetq.am/en/article/123")
    assert (fp.host, fp.title) == ("hetq.am", "Shelling near Martuni")


CONSENT = "We use cookies to improve your experience on this site."
SIDEBAR = "Here's what to do in Detroit this week: a rundown of ideas for your calendar."
STORY = "A shooting on the east side of Detroit left two people wounded on Sunday night, police said."


def test_consent_notices_and_the_hosts_learnt_lines_are_left_out_and_named():
    text = f"{CONSENT}\n{STORY}\n{SIDEBAR}"
    sidebar, consent = line_key(line_text(SIDEBAR)), line_key(line_text(CONSENT))
    fp = _fp(text, url="https://detroit.example/a", boilerplate={sidebar, line_key("a line of another text")})
    assert fp.body == STORY
    assert fp.boilerplate == {consent, sidebar}
    assert fp.lines == text_lines(text) and len(fp.lines.keys) == 3
    plain = _fp(f"{STORY}\n{SIDEBAR}")
    assert plain.body == f"{STORY}\n{SIDEBAR}" and plain.boilerplate == frozenset()


def test_a_body_of_fewer_than_eight_words_counts_as_about_its_headline():
    assert _fp("Sirens sounded across the region.", title=HEADLINE).anchored


def test_a_body_of_eight_words_sharing_none_with_its_headline_is_not_about_it():
    fp = _fp("Home News World Europe Politics Sport Culture Weather", title=HEADLINE)
    assert not fp.anchored and fp.text_key is None
    assert _fp("Home/News/World/Europe/Politics/Sport/Culture/Weather", title=HEADLINE).anchored is False


def test_words_of_four_letters_anchor_a_text_to_its_headline():
    assert _fp("Sirens sounded in Kyiv for three hours overnight, officials said.", title="Kyiv raid").anchored


def test_an_entry_is_headline_only_when_little_follows_its_headline():
    title = "Drones downed over Kyiv overnight, air force says"
    words = "the air force said on Sunday morning in a short statement".split()
    assert _fp(f"{title}. {' '.join(words[:7])}.", title=title).headline_only
    assert not _fp(f"{title}. {' '.join(words[:8])}.", title=title).headline_only
    own = "Air defence units shot down twelve drones launched from the south in the night."
    assert not _fp(own, title=HEADLINE).headline_only  # a text of its own, not starting with the headline


def test_a_short_text_of_its_own_under_a_long_headline_is_not_headline_only():
    title = "Drones downed over Kyiv overnight, air force says"  # eight words
    own = "Air defence units shot down twelve drones in the night."  # ten words, none from the headline first
    assert not _fp(own, title=title).headline_only


def test_a_wire_dateline_before_the_headline_does_not_make_more_of_an_entry():
    text = f"KYIV (Reuters) - {HEADLINE}, the air force said on Sunday."
    assert _fp(text, title=HEADLINE).headline_only


def test_an_exact_copy_key_needs_eight_words():
    eight = "Air defence units shot down twelve drones overnight."
    assert _fp(eight).text_key is not None
    assert _fp(eight.replace(" overnight", "")).text_key is None


def test_a_headline_key_needs_five_words():
    assert _fp(STORY, title=HEADLINE).title_key is not None
    assert _fp(STORY, title="Drones downed over Kyiv").title_key is None


def test_the_headlines_days_and_dates_are_facts_of_the_item():
    assert "w:mon" in _fp(STORY.replace(" on Sunday night", ""), title="Clashes on Monday").facts


DETROIT_HEADLINE = "Shooting on the east side of Detroit leaves two wounded"
KEYS = (-6030924148038652894, -7642430081116376335, -9186020187028987609, -6598041975349034726)
BANDS = (-6060504093495833854, -6407557676651349195)


def test_stored_keys_do_not_change_between_releases():
    """The index in PostgreSQL keeps these keys; a change would part every new copy from the
    stories already in the window. The values were taken once from this release."""
    fp = _fp(STORY, title=DETROIT_HEADLINE + " - Reuters", url="https://www.detroit.example/a?utm_source=rss")
    assert fp.title == DETROIT_HEADLINE and fp.anchored
    assert (fp.item_key, fp.url_key, fp.text_key, fp.title_key) == KEYS
    assert tuple(fp.band_hashes[:2]) == BANDS
