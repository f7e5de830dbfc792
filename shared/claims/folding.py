"""Case and spelling folding shared by the tokenizer, the lexicons and the registry.

Lower case that keeps Azerbaijani dotted capital I a plain "i" (Python's lower() leaves a combining
dot), Russian "ё" as "е", and one apostrophe ("’", "ʼ" and "'" are one letter in Ukrainian).
"""

from __future__ import annotations

_TABLE = str.maketrans({"İ": "i", "ё": "е", "Ё": "е", "’": "'", "ʼ": "'", "`": "'", "\u00ad": None})


def fold(text: str) -> str:
    return text.translate(_TABLE).lower()
