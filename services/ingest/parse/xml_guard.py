"""Refuse XML whose DTD could blow up or reach outside before any parser expands it.

Plain internal entities (`<!ENTITY copy "&#169;">`) are harmless and old feeds
use them, so they pass; everything that makes entity bombs and XXE possible is
refused: parameter entities, external (SYSTEM/PUBLIC) entities, entities
defined through other entities (billion laughs), and a total expansion that
would exceed a small budget (one large entity referenced many times).
"""

from __future__ import annotations

import re

from services.ingest.parse.model import ParseError, ParseErrorKind

MAX_DECLARATIONS = 64
MAX_EXPANSION = 1 << 20

_ANY_ENTITY = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_DECLARATION = re.compile(
    r"<!\s*ENTITY\s+(?P<param>%\s*)?(?P<name>[^\s\"'>]+)\s*(?P<rest>\"[^\"]*\"|'[^']*'|[^>]*)",
    re.IGNORECASE,
)
_REFERENCE_IN_VALUE = re.compile(r"&(?!#(?:\d+|x[0-9a-fA-F]+);)|%")


def _text_view(body: bytes) -> str | None:
    """Decode enough to read markup; None when the document is ASCII-compatible."""
    head = body[:4]
    if head.startswith((b"\x00\x00\xfe\xff", b"\x00\x00\x00<")):
        return body.decode("utf-32-be", "replace")
    if head.startswith((b"\xff\xfe\x00\x00", b"<\x00\x00\x00")):
        return body.decode("utf-32-le", "replace")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return body.decode("utf-16-be", "replace")
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return body.decode("utf-16-le", "replace")
    return None


def refuse_dangerous_entities(body: bytes) -> None:
    text = _text_view(body)
    if text is None:
        if not _ANY_ENTITY.search(body):
            return
        text = body.decode("latin-1")
    elif not re.search(r"<!\s*ENTITY", text, re.IGNORECASE):
        return
    declarations = list(_DECLARATION.finditer(text))
    if len(declarations) > MAX_DECLARATIONS:
        raise _refuse(f"{len(declarations)} entity declarations")
    if len(declarations) < len(re.findall(r"<!\s*ENTITY", text, re.IGNORECASE)):
        raise _refuse("unreadable entity declaration")
    expansion = 0
    for declaration in declarations:
        name, rest = declaration["name"], declaration["rest"].strip()
        if declaration["param"]:
            raise _refuse(f"parameter entity %{name}")
        if rest[:1] not in ("'", '"'):
            raise _refuse(f"external entity {name!r} ({rest.split()[0] if rest else 'no value'})")
        value = rest[1:-1]
        if _REFERENCE_IN_VALUE.search(value):
            raise _refuse(f"entity {name!r} refers to other entities")
        expansion += text.count(f"&{name};") * len(value)
        if expansion > MAX_EXPANSION:
            raise _refuse(f"entities would expand past {MAX_EXPANSION} characters")


def _refuse(reason: str) -> ParseError:
    return ParseError(ParseErrorKind.XML_ENTITIES, f"refused before parsing: {reason}")
