"""The phrase table: the longest phrase wins, a phrase added again takes its new value, and matches
respect the bounds they are asked for. The words are those of a sentence of the dev set (seed-3)."""

from shared.claims.phrases import Match, PhraseTable
from shared.claims.tokens import tokenize

SEED_3 = (
    "Germany and France called for a ceasefire on September 27, emphasizing that everything can only "
    "be resolved through dialogue"
)
WORDS = [token.low for token in tokenize(SEED_3)]
CALLED = WORDS.index("called")


def test_the_longest_phrase_wins_whatever_the_order_they_were_added_in():
    shortest_first = ["called", "called for", "called for a ceasefire"]
    for phrases in (shortest_first, shortest_first[::-1]):
        table = PhraseTable.flat(phrases)
        assert table.match(WORDS, CALLED) == Match("called for a ceasefire", CALLED, CALLED + 4)


def test_a_shorter_phrase_matches_where_the_longer_one_does_not_go_on():
    table = PhraseTable.of({"call": ["called for"], "demand": ["called for a truce"]})
    assert table.match(WORDS, CALLED) == Match("call", CALLED, CALLED + 2)


def test_a_phrase_matches_only_where_its_first_word_is():
    table = PhraseTable.flat(["called for"])
    assert table.match(WORDS, CALLED + 1) is None
    assert table.match(WORDS, len(WORDS)) is None
    assert PhraseTable.flat(["ceasefire"]).match(WORDS, WORDS.index("ceasefire")) == Match(
        "ceasefire", WORDS.index("ceasefire"), WORDS.index("ceasefire") + 1
    )


def test_a_phrase_added_again_takes_its_new_value_and_keeps_its_neighbours():
    table = PhraseTable.of({"call": ["called for", "called on"]})
    table.add("called for", "demand")
    assert table.match(WORDS, CALLED) == Match("demand", CALLED, CALLED + 2)
    assert table.match(["called", "on", "both", "sides"], 0) == Match("call", 0, 2)


def test_membership_is_of_whole_phrases():
    table = PhraseTable.of({"call": ["called for", "ceasefire"]})
    assert "called for" in table
    assert "ceasefire" in table
    assert "called" not in table
    assert "called on" not in table
    assert "for" not in table
    assert "dialogue" not in table


def test_find_all_gives_non_overlapping_matches_left_to_right():
    table = PhraseTable.flat(["called for", "for a ceasefire", "ceasefire", "dialogue"])
    found = table.find_all(WORDS)
    assert [(match.value, match.start) for match in found] == [
        ("called for", CALLED),
        ("ceasefire", CALLED + 3),
        ("dialogue", len(WORDS) - 1),
    ]


def test_find_all_keeps_within_its_bounds():
    table = PhraseTable.flat(["called for a ceasefire", "germany", "dialogue"])
    assert table.find_all(WORDS, 0, CALLED + 3) == [Match("germany", 0, 1)]
    assert table.find_all(WORDS, 1, CALLED + 4) == [Match("called for a ceasefire", CALLED, CALLED + 4)]
    assert table.find_all(WORDS, 1) == [
        Match("called for a ceasefire", CALLED, CALLED + 4),
        Match("dialogue", len(WORDS) - 1, len(WORDS)),
    ]


def test_match_ending_finds_the_longest_phrase_ending_there():
    table = PhraseTable.flat(["a ceasefire", "called for a ceasefire", "ceasefire"])
    end = CALLED + 4
    assert table.match_ending(WORDS, end) == Match("called for a ceasefire", CALLED, end)
    assert table.match_ending(WORDS, end - 1) is None


def test_match_ending_reaches_the_first_word():
    table = PhraseTable.flat(["germany and france"])
    assert table.match_ending(WORDS, 3) == Match("germany and france", 0, 3)
    assert table.match_ending(WORDS, 2) is None


def test_match_ending_sees_a_phrase_of_any_length():
    phrase = "everything can only be resolved through dialogue"
    table = PhraseTable.flat([phrase, "dialogue"])
    start = WORDS.index("everything")
    assert table.match_ending(WORDS, len(WORDS)) == Match(phrase, start, len(WORDS))
