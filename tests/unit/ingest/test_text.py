from services.ingest.normalise.text import (
    html_to_text_and_safe_html,
    is_caption,
    plain_to_text,
    shorten,
    title_text,
)
from tests.unit.ingest.conftest import shared_data_dir


def seed_article() -> str:
    return next((shared_data_dir() / "seed").glob("*.txt")).read_text()


def test_seed_article_loses_its_markers_and_captions_but_no_sentence():
    raw = seed_article()
    text = plain_to_text(raw)
    assert "[ad_1]" not in text
    assert "Screenshot" not in text and "Source: Armenian Ministry" not in text
    assert "An Azerbaijani tank was hit by a bullet" not in text
    assert "Artsakh Republic Location on the Map" not in text
    for sentence in ("claimed to have shot down four Azerbaijani helicopters, 15 drones and 10 tanks",
                     "Both Armenia and Azerbaijan confirmed combat casualties.",
                     "Germany and France called for a ceasefire on September 27",
                     "In 2016, more than 200 people were killed"):
        assert sentence in text
    kept = [line for line in raw.splitlines() if line.strip()]
    assert len(text.splitlines()) == len(kept) - 4  # the marker and three captions


def test_the_same_article_as_html():
    html = "".join(f"<p>{line}</p>" for line in seed_article().splitlines())
    text, safe = html_to_text_and_safe_html(html)
    assert text == plain_to_text(seed_article())
    assert "[ad_1]" not in safe and safe.startswith("<p>")


def test_caption_lines_are_told_from_sentences():
    assert is_caption("Soldiers near Stepanakert – Photo: Ministry of Defence")
    assert is_caption("Source: Armenian Ministry of Defense")
    assert is_caption("Map of the region - Screenshot")
    assert not is_caption("The ministry cited a source: the head of the agency.")
    assert not is_caption("Officials said the screenshot of the video was fake, and the ministry denied it.")


def test_html_loses_scripts_styles_trackers_and_keeps_paragraphs():
    html = """<div class="post"><style>p{color:red}</style><script>track()</script>
      <p>Ceasefire &amp; talks in <b>Moscow</b>&nbsp;today.</p>
      <p>Second   paragraph<br>continues here.</p>
      <img src="https://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1"/>
      <div class="feedflare"><a href="http://feeds.feedburner.com/~ff/x?a=1"><img src="f.gif"/></a></div>
      <iframe src="https://ads.example/"></iframe><a href="/story" onclick="evil()">more</a></div>"""
    text, safe = html_to_text_and_safe_html(html, base_url="https://news.example/feed")
    assert text.splitlines() == ["Ceasefire & talks in Moscow today.", "Second paragraph", "continues here.", "more"]
    for gone in ("script", "style", "track()", "feedburner", "iframe", "onclick", "color:red"):
        assert gone not in safe
    assert 'href="https://news.example/story"' in safe and "<b>Moscow</b>" in safe


def test_invisible_characters_and_whitespace_are_normalised():
    assert plain_to_text("  a\u200bb \t c\r\n\r\n\n d\u00ad  ") == "ab c\nd"


def test_titles_are_single_plain_lines():
    assert title_text("Tanks &amp; drones", False) == "Tanks & drones"
    assert title_text("<b>Breaking:</b>\n  ceasefire", True) == "Breaking: ceasefire"
    assert title_text(None, False) == ""


def test_shorten_cuts_at_a_word():
    long = "word " * 60
    assert shorten(long, 20) == "word word word word…"
    assert shorten("short\nsecond line") == "short"
