"""Names across scripts: a consonant skeleton that "Kramatorsk", "Краматорск", "Κραματόρσκ",
"كراماتورسك", "Pashinyan", "Пашинян" and "Փաշինյան" share.

Each name is transliterated to Latin letters (Cyrillic of every Slavic language, Greek, Armenian,
Arabic), then folded the way spellings of one name drift between languages: vowels, "h", "y" and
soft signs dropped, voiced and unvoiced pairs that scripts confuse merged (g/k/q/c, b/p, v/f/w,
j/dzh/zh), doubled letters single. Two skeletons of three and four consonants are kept: a name's
inflected or adjectival forms ("Crimea", "Кримський") share the shorter. Collisions are common
(many names share "krm"); the weights of rare keys (IDF) are what make a shared skeleton count.
"""

from __future__ import annotations

import unicodedata

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяґєіїўђјљњћџѓќѕ",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya g ye i yi u dj j lj nj c dzh g k dz"
    .split(),
))
_GREEK = dict(zip(
    "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
    "a v g d e z i th i k l m n ks o p r s s t y f kh ps o a e i i o y o i y i y".split(),
))
_ARMENIAN = dict(zip(
    "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
    "a b g d e z e e t zh i l kh ts k h dz gh ch m y n sh o ch p j r s v t r ts v p k o f ev".split(),
))
_ARABIC = dict(zip(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئپچژگکی",
    "a b t th j h kh d dh r z s sh s d t z _ gh f q k l m n h _ y h a _ a a a _ y p ch zh g k y".split(),
))
_LATIN = {"ə": "e", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "g", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe"}
_TURKIC_C = {"c": "j"}
"""In Azerbaijani and Turkish, "c" is the sound written "j" or "dzh" elsewhere ("Gəncə", "Gence")."""
_TABLE = {**_CYRILLIC, **_GREEK, **_ARMENIAN, **_ARABIC, **_LATIN}
_FOLD = [("dzh", "j"), ("dz", "j"), ("zh", "j"), ("dj", "j"), ("sch", "s"), ("sh", "s"), ("ch", "k"),
         ("kh", "k"), ("gh", "k"), ("ph", "v"), ("th", "t"), ("ts", "s"), ("tz", "s"), ("ks", "k"), ("x", "k")]
_MERGE = str.maketrans("gqcpfwz", "kkkbvvs")
_DROP = frozenset("aeiouyh_'")
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


def latin(word: str, language: str | None = None) -> str:
    """The word in Latin letters, lower case, without diacritics."""
    out = []
    for char in word.casefold():
        mapped = _TABLE.get(char)
        if mapped is None:
            if language in ("az", "tr") and char in _TURKIC_C:
                mapped = _TURKIC_C[char]
            else:
                decomposed = unicodedata.normalize("NFKD", char)
                mapped = "".join(c for c in decomposed if not unicodedata.combining(c))
        out.append(mapped)
    return "".join(out)


def skeleton(word: str, language: str | None = None) -> str:
    """The name's consonants, folded (see the module's docstring)."""
    if word and "\u0600" <= word[0] <= "\u06ff":
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 4:
                word = word[len(prefix):]
                break
    text = latin(word, language)
    for old, new in _FOLD:
        text = text.replace(old, new)
    text = text.translate(_MERGE)
    consonants: list[str] = []
    for char in text:
        if char in _DROP or not char.isalpha():
            continue
        if not consonants or consonants[-1] != char:
            consonants.append(char)
    return "".join(consonants)


def name_keys(word: str, language: str | None = None) -> tuple[str, ...]:
    """The three- and four-consonant skeletons of a name (none for a name of fewer than three)."""
    bones = skeleton(word, language)
    if len(bones) < 3:
        return ()
    return (bones[:3], bones[:4]) if len(bones) >= 4 else (bones[:3],)
