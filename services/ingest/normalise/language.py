"""The language of an item: as the source declares it, else detected offline.

py3langid ships its model inside the wheel, so detection needs no download.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CHARS = 20
MIN_CONFIDENCE = 0.8
_TAG = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")


def normalise_tag(tag: str | None) -> str | None:
    """Primary subtag of a BCP 47 / ISO 639 tag, lower-case: 'en-US' -> 'en'."""
    if not tag:
        return None
    match = _TAG.match(tag.strip())
    return match.group(0).lower() if match else None


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short or the guess too unsure."""
    sample = text[:2000]
    if len(sample.strip()) < MIN_CHARS:
        return None
    language, confidence = _identifier().classify(sample)
    return language if confidence >= MIN_CONFIDENCE else None


def choose(configured: str | None, declared: str | None, text: str) -> str | None:
    """The operator's word first, then the document's, then detection."""
    return normalise_tag(configured) or normalise_tag(declared) or detect(text)
