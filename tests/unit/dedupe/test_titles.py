import pytest

from services.dedupe.similarity.titles import anchored, clean_title, word_stems


@pytest.mark.parametrize(
    ("title", "host", "clean"),
    [
        ("Key bridge to Crimea struck – video report - The Guardian", "news.google.com",
         "Key bridge to Crimea struck – video report"),
        ("Russian missile strike kills 12 in Vinnytsia | Reuters", "example.com", "Russian missile strike kills 12 in Vinnytsia"),
        ("Deutsche Bahn schult 400 Flüchtlinge um - Mittelstand Cafe", "mittelstandcafe.de", "Deutsche Bahn schult 400 Flüchtlinge um"),
        ("▷ Einigung bei Gastransfers", "presseportal.de", "Einigung bei Gastransfers"),
        ("Strike kills 12 in Vinnytsia - emergency service", "devdiscourse.com", "Strike kills 12 in Vinnytsia - emergency service"),
        ("Ceasefire holds - for now", "example.com", "Ceasefire holds - for now"),
    ],
)
def test_outlet_names_and_markers_leave_headlines(title, host, clean):
    assert clean_title(title, host) == clean
    if host != "news.google.com":
        assert clean_title(clean, host) == clean


def test_a_text_is_anchored_when_it_shares_words_with_its_headline():
    story = word_stems("Two men were shot dead at a gas station in Lapeer after an altercation, police said.")
    sidebar = word_stems("Here's what to do in Detroit this week: the best dive bars and grocery stores.")
    title = "Man shot, killed during altercation at Lapeer gas station"
    assert anchored(title, story)
    assert not anchored(title, sidebar)
    assert anchored("", sidebar) and anchored("On 12 May", sidebar), "no headline words, nothing to hold against it"
