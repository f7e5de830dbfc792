"""Character encodings: what the server declares, what the document says, else a guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
WESTERN_DEFAULTS = frozenset({"cp1252", "latin_1", "iso8859_15"})
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)


def known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def bom_encoding(body: bytes) -> str | None:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    return None


def header_charset(headers: dict[str, str]) -> str | None:
    match = _CHARSET_PARAM.search(headers.get("content-type", ""))
    return known(match.group(1)) if match else None


def guess(body: bytes) -> str | None:
    """Best statistical guess for undeclared bytes.

    Single-byte Latin code pages often tie; the web's own default,
    windows-1252, wins a tie.
    """
    matches = from_bytes(body[:65536])
    best = matches.best()
    if best is None:
        return None
    if any(m.encoding in WESTERN_DEFAULTS and m.chaos <= best.chaos for m in matches):
        return "cp1252"
    return known(best.encoding)


def is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def xml_needs_guess(body: bytes, headers: dict[str, str]) -> str | None:
    """For XML that declares no encoding anywhere and is not UTF-8, the guessed encoding."""
    if bom_encoding(body) or header_charset(headers) or _XML_DECLARED.match(body[:1024]) or is_utf8(body):
        return None
    return guess(body)


def decode_text(body: bytes, headers: dict[str, str], *, sniff_html: bool = False) -> tuple[str, str]:
    """Decode a JSON or HTML document; returns (text, encoding used)."""
    candidates = [bom_encoding(body), header_charset(headers)]
    if sniff_html:
        match = _META_CHARSET.search(body[:4096])
        candidates.append(known(match.group(1).decode("ascii", "ignore")) if match else None)
    candidates.append("utf-8")
    for name in filter(None, candidates):
        try:
            return body.decode("utf-8-sig" if name == "utf-8" else name), name
        except (UnicodeDecodeError, LookupError):
            continue
    name = guess(body) or "windows-1252"
    return body.decode(name, "replace"), name
