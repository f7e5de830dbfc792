from services.ingest.normalise.language import choose, detect, normalise_tag


def test_detects_the_languages_of_the_conflict_offline():
    assert detect("Պաշտպանության նախարարությունը հայտնում է, որ հակառակորդը փորձել է առաջխաղացում") == "hy"
    assert detect("Azərbaycan Müdafiə Nazirliyi məlumat yayıb ki, düşmən mövqeləri məhv edilib") == "az"
    assert detect("Министерство обороны сообщило об уничтожении четырёх вертолётов") == "ru"
    assert detect("The ministry said four helicopters were shot down in the morning.") == "en"


def test_too_little_text_is_not_guessed():
    assert detect("OK") is None and detect("   ") is None


def test_tags_are_reduced_to_their_primary_subtag():
    assert normalise_tag("en-US") == "en" and normalise_tag("HY") == "hy" and normalise_tag("zh_TW") == "zh"
    assert normalise_tag("") is None and normalise_tag("x") is None and normalise_tag("1234") is None


def test_operator_then_document_then_detection():
    armenian = "Պաշտպանության նախարարությունը հայտնում է, որ հակառակորդը փորձել է առաջխաղացում"
    assert choose("ru", "en-US", armenian) == "ru"
    assert choose(None, "en-US", armenian) == "en"
    assert choose(None, None, armenian) == "hy"
