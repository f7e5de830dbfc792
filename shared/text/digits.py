"""Digits of every script as ASCII digits, before anything compares numbers.

NFKC folds full-width and superscript digits but leaves Arabic-Indic (٦), Persian (۶),
Devanagari (६) and the other decimal scripts alone: "٦ مدن" and "6 مدن" would read as two
different numbers. Every character with a Unicode decimal value becomes that digit.
"""

from __future__ import annotations

import unicodedata

ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
)
"""The zero of every run of ten decimal digits outside ASCII (Unicode 14; a test checks that no
decimal digit of the running Python's Unicode is missing)."""
_SEPARATORS = {0x066C: ",", 0x066B: "."}
"""The Arabic thousands and decimal separators."""
_TABLE = str.maketrans(
    {zero + value: str(value) for zero in ZEROS for value in range(10)
     if unicodedata.decimal(chr(zero + value), None) == value} | _SEPARATORS
)


def fold_digits(text: str) -> str:
    """NFKC, then every decimal digit of any script as 0-9 (and the Arabic separators as , .)."""
    text = unicodedata.normalize("NFKC", text)
    return text if text.isascii() else text.translate(_TABLE)
