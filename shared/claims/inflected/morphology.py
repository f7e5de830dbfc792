"""The key a word is compared by: its lemma or stem, from an analyser whose dictionaries come
with its package (nothing is downloaded at run time).

- Russian, Ukrainian: pymorphy3 with pymorphy3-dicts-ru / -uk, the lemma of the first parse;
- Armenian: simplemma's lookup lemma; a form it does not know ("զինծառայողներ", "հակառակորդի")
  loses its plural, case and article endings (Snowball's Armenian stemmer cuts too deep for
  comparing: "վիրավոր" and "վիրահատություն" both become "վիր");
- Azerbaijani: the longest root of azstemmer's root dictionary that begins the word.

An analyser is loaded the first time a sentence in its language appears; keys are cached.
Digits, model codes and abbreviations in capitals ("ВСУ", "БПЛА", "ՊՆ") are their own key.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ..folding import fold

_CACHE_LIMIT = 200_000


@cache
def _pymorphy(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


# Plural, case and article endings, longest first.
_ARMENIAN_ENDINGS = ("ներից", "ներին", "ներով", "ներում", "ների", "ները", "ներն", "ներ", "երից", "երին", "երով",
                     "երում", "երի", "երը", "երն", "եր", "ից", "ով", "ում", "ին", "ու", "ի", "ը", "ն")


@cache
def _armenian() -> Callable[[str], str]:
    import simplemma

    def key(word: str) -> str:
        lemma = simplemma.lemmatize(word, lang="hy")
        if lemma != word:
            return lemma
        for ending in _ARMENIAN_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
        return word

    return key


@cache
def _azerbaijani_roots() -> frozenset[str]:
    # azstemmer's own module imports pkg_resources only to find this file; read it directly
    spec = importlib.util.find_spec("azstemmer")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("azstemmer")
    path = Path(spec.submodule_search_locations[0]) / "azwords.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def _azerbaijani(word: str) -> str:
    roots = _azerbaijani_roots()
    for end in range(len(word), 1, -1):
        if word[:end] in roots:
            return word[:end]
    return word


def _analyser(language: str) -> Callable[[str], str]:
    if language in ("ru", "uk"):
        morph = _pymorphy(language)
        return lambda word: morph.parse(word)[0].normal_form.replace("ё", "е")
    if language == "hy":
        return _armenian()
    if language == "az":
        return _azerbaijani
    return lambda word: word


def is_singular(language: str, word: str) -> bool:
    """Whether a Russian or Ukrainian noun is singular ("житель", not "жители"); False elsewhere."""
    if language not in ("ru", "uk") or not _is_plain_word(word):
        return False
    parses = _pymorphy(language).parse(word.lower())
    if language == "uk":  # the Ukrainian dictionary marks the plural only ("загинув": masc,past)
        return all("plur" not in parse.tag for parse in parses)
    return parses[0].tag.number == "sing"


def is_finite_verb(language: str, word: str) -> bool:
    """Whether a Russian or Ukrainian word is a finite verb ("погиб", "загинув"), which shares its
    lemma with the participle the lexicon names ("погибший"); False elsewhere."""
    if language not in ("ru", "uk") or not _is_plain_word(word):
        return False
    return _pymorphy(language).parse(word.lower())[0].tag.POS == "VERB"


class Keys:
    """Word -> key for one language, cached."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._analyse: Callable[[str], str] | None = None
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self._cache.get(text)
        if found is not None:
            return found
        low = fold(text)
        if not _is_plain_word(text):
            key = low
        else:
            if self._analyse is None:
                self._analyse = _analyser(self.language)
            key = fold(self._analyse(low))
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[text] = key
        return key


def _is_plain_word(text: str) -> bool:
    if not text.isalpha() and "-" not in text and "'" not in text:
        return False
    if any(ch.isdigit() for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return not (len(letters) >= 2 and all(ch.isupper() for ch in letters))


@cache
def keys(language: str) -> Keys:
    return Keys(language)
