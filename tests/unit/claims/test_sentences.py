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


def test_an_armenian_clock_time_does_not_end_the_sentence() -> None:
    # armlur.am, 14 September 2022 (tests/data/claims/hy/ceasefires.jsonl): the time "16։20" is
    # written with the Armenian full stop and a stray space; the sentence goes on to the violation.
    text = ("ԱՀ ՊՆ մամուլի ծառայությունից տեղեկացնում են, որ սեպտեմբերի 14-ին՝ ժամը 15։10-ից ժամը 16։ 20-ն "
            "ընկած ժամանակահատվածում, ադրբեջանական զինուժը խախտել է հրադադարը։ Տուժածներ չկան։")
    first, second = split_sentences(text)
    assert first.text.startswith("ԱՀ ՊՆ") and first.text.endswith("խախտել է հրադադարը։")
    assert second.text == "Տուժածներ չկան։"


def test_an_armenian_full_stop_after_a_number_still_ends_the_sentence() -> None:
    text = "Զոհերի թիվը հասել է 604։ 1200 տուն է ավերվել։ Վիրավորների թիվը 32 է։ 20 տանկ է ոչնչացվել։"
    assert [s.text for s in split_sentences(text)] == [
        "Զոհերի թիվը հասել է 604։", "1200 տուն է ավերվել։", "Վիրավորների թիվը 32 է։", "20 տանկ է ոչնչացվել։"]
