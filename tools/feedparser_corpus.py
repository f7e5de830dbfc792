"""The feedparser test corpus: each document with the HTTP headers and expectation in its comment."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BASE = "http://127.0.0.1:8097/"
"""Where feedparser's own test server serves the corpus; expectations name it."""

_FIELD = re.compile(r"^\s*(Header|Expect|SkipUnless|Description):\s*(.*?)\s*$", re.MULTILINE)
_STRINGS = re.compile(r"\"\"\".*?\"\"\"|'[^']*'|\"[^\"]*\"", re.DOTALL)
HTTP_ONLY = re.compile(r"\b(headers|href|status|etag|modified|modified_parsed)\b")


@dataclass(frozen=True)
class CorpusDocument:
    path: Path
    relative: str
    body: bytes
    headers: dict[str, str]
    expect: str | None
    skip_unless: str | None

    @property
    def base_url(self) -> str:
        return BASE + self.relative

    @property
    def concerns_entries(self) -> bool:
        """The expectation is about what we keep: entries or the document's encoding."""
        code = _STRINGS.sub("", self.expect or "")
        return ("entries" in code or "encoding" in code) and not HTTP_ONLY.search(code)


def _comment(body: bytes, path: Path) -> str:
    if path.suffix == ".json":
        try:
            return json.loads(body).get("__TEST__", "").replace(" Expect:", "\nExpect:").removesuffix("-->")
        except ValueError:
            return ""
    start = body.find(b"<!--")
    end = body.find(b"-->", start)
    if start < 0 or end < 0:
        return ""
    chunk = body[start + 4:end]
    for codec in ("utf-8", "utf-16", "utf-32", "latin-1"):
        try:
            text = chunk.decode(codec)
            if "Expect" in text or "Description" in text:
                return text
        except UnicodeDecodeError:
            continue
    return ""


def load(path: Path, root: Path) -> CorpusDocument:
    body = path.read_bytes()
    headers: dict[str, str] = {}
    fields: dict[str, str] = {}
    for name, value in _FIELD.findall(_comment(body, path)):
        if name == "Header":
            key, _, header_value = value.partition(":")
            headers[key.strip().lower()] = header_value.strip()
        else:
            fields.setdefault(name, value)
    return CorpusDocument(path, path.relative_to(root).as_posix(), body, headers,
                          fields.get("Expect"), fields.get("SkipUnless"))


def documents(corpus_root: Path) -> Iterator[CorpusDocument]:
    """Every document under corpus_root/tests, in a stable order."""
    for path in sorted((corpus_root / "tests").rglob("*")):
        if path.suffix in (".xml", ".json"):
            yield load(path, corpus_root)


def expectation_holds(expect: str, result: dict) -> bool:
    """Evaluate an `Expect:` expression the way feedparser's own suite does: over the result's keys."""
    import builtins
    import datetime
    import time

    import feedparser

    scope = {"__builtins__": builtins, "feedparser": feedparser, "datetime": datetime, "time": time}
    try:
        return bool(eval(expect, scope, result))  # noqa: S307 - expressions from the corpus itself
    except Exception:
        return False
