"""Which language a sentence is written in, from its letters: Armenian script, Cyrillic with
Ukrainian or Russian letters, Latin with Azerbaijani ones. Items mix languages (a Russian title
over an English body, an English page quoting Russian), so each sentence picks its own lexicon;
a sentence whose letters do not tell (a tally line "РСЗВ — 1240;") keeps the language before it."""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru", "uk", "hy", "az")
_ARMENIAN = re.compile(r"[\u0531-\u0587\ufb13-\ufb17]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u0259\u018f]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]|'[а-яі]")
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")
_AZERBAIJANI = re.compile(r"[əƏ]|[ğışĞŞ]")


def sentence_language(text: str, hint: str | None = None) -> str:
    """The language of `text`; `hint` (the language before it, or the item's) breaks ties."""
    armenian = len(_ARMENIAN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if armenian and armenian >= cyrillic and armenian >= latin / 2:
        return "hy"
    if cyrillic and cyrillic >= latin:
        ukrainian, russian = len(_UKRAINIAN.findall(text)), len(_RUSSIAN.findall(text))
        if ukrainian > russian:
            return "uk"
        if russian > ukrainian:
            return "ru"
        return hint if hint in ("ru", "uk") else "ru"
    if latin:
        if _AZERBAIJANI.search(text):
            return "az"
        return "az" if hint == "az" and not re.search(r"\b(?:the|and|of|were|was)\b", text, re.IGNORECASE) else "en"
    return hint or "en"
