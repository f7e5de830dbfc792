from shared.claims.sentences import split_sentences


def test_offsets_point_into_the_input() -> None:
    text = "  Five soldiers were killed. Gen. Smith said U.S. forces left at 7 a.m. on Monday.\nA new line"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in split_sentences(text)] == [
        "Five soldiers were killed.",
        "Gen. Smith said U.S. forces left at 7 a.m. on Monday.",
        "A new line",
    ]


def test_quotes_and_lines() -> None:
    text = '"We shot down three drones." The ministry said so.\ntanks ‒ 1,381 (+5)'
    assert [s.text for s in split_sentences(text)] == [
        '"We shot down three drones."',
        "The ministry said so.",
        "tanks ‒ 1,381 (+5)",
    ]


def test_a_sentence_after_a_lost_space_is_its_own_sentence():
    parts = split_sentences("Gaza is one of the most crowded places in the world.What is the Gaza Strip?")
    assert len(parts) == 2
