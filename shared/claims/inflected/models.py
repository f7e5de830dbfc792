"""Weapon model codes in any script name their equipment: "Ми-24" and "Mi-24" are helicopters,
"Су-25" and "ՍՈւ-25" aircraft, "BM-21" a rocket launcher (the English lexicon's patterns, on the
code spelt in Latin letters)."""

from __future__ import annotations

from ..lexicon import Subject, load

_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "і": "i", "ї": "i", "є": "e", "ы": "y",
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "թ": "t", "ի": "i", "լ": "l", "խ": "kh",
    "կ": "k", "հ": "h", "մ": "m", "ն": "n", "ո": "", "պ": "p", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ւ": "u", "ք": "k", "օ": "o", "ֆ": "f",
})
_ALIASES = {"tos-1a": "tos-1", "smerch": "smerch"}


def model_subject(code: str) -> Subject | None:
    """The equipment a model code stands for ("ми-24" -> helicopter), or None."""
    latin = code.lower().translate(_LATIN)
    latin = latin.replace("ou", "u") if latin.startswith("sou") else latin
    latin = latin.split("/")[0]
    return load("en").model_subject(_ALIASES.get(latin, latin))
