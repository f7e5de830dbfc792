"""Clean text to read claims from, and sanitised HTML to show.

Scraped pages carry junk that must not reach the claim extractor: ad markers
such as `[ad_1]`, image captions such as "… – Screenshot of the Ministry" or
"… – Source: Ministry of Defense", tracking pixels and share widgets.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urljoin

import nh3
from selectolax.lexbor import LexborHTMLParser

PARAGRAPH = "\u2029"
DROP = (
    "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, "
    "select, textarea, input, .feedflare, .mf-viral, .sharedaddy, .jp-relatedposts, "
    'img[width="1"], img[height="1"], img[src*="/~r/"], img[src*="feedsportal"], img[src*="pixel"]'
)
BLOCKS = (
    "p, div, li, ul, ol, h1, h2, h3, h4, h5, h6, tr, td, th, table, blockquote, pre, section, "
    "article, header, footer, aside, figure, figcaption, dl, dt, dd, hr, address, main, nav, br"
)
MARKER = re.compile(r"\[(?:ad_\d+|/?embed[^\]]*|embedded content|caption[^\]]*|/caption)\]", re.IGNORECASE)
_DASH = r"\s[-–—|]\s"
CAPTION_LINE = re.compile(
    rf"(?:^|{_DASH})(?:screenshot(?:\s+(?:of|from|via)\b.*)?|source:.*|photo(?:\s+credit)?:.*|"
    rf"image:.*|credit:.*|video:.*|photo\s*©.*|©.*)$",
    re.IGNORECASE,
)
NOISE_LINE = re.compile(r"^(?:advertisement|sponsored|read more|continue reading\W*|share this:?)$", re.IGNORECASE)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
MAX_CAPTION_WORDS = 40


def is_caption(line: str) -> bool:
    """A picture's caption line, not a sentence of the story."""
    return len(line.split()) <= MAX_CAPTION_WORDS and bool(CAPTION_LINE.search(line))


def clean_lines(lines: list[str]) -> str:
    kept = []
    for line in lines:
        line = " ".join(MARKER.sub(" ", line.translate(INVISIBLE)).split())
        if line and not is_caption(line) and not NOISE_LINE.match(line):
            kept.append(line)
    return "\n".join(kept)


def plain_to_text(value: str) -> str:
    return clean_lines(value.replace("\r\n", "\n").split("\n"))


def html_to_text_and_safe_html(value: str, base_url: str | None = None) -> tuple[str, str]:
    """(clean text, sanitised HTML) from an HTML fragment."""
    tree = LexborHTMLParser(f"<body>{value}</body>")
    body = tree.body
    if body is None:
        return "", ""
    for node in body.css(DROP):
        node.decompose()
    if base_url:
        for node in body.css("a[href], img[src]"):
            attribute = "href" if node.tag == "a" else "src"
            node.attrs[attribute] = urljoin(base_url, node.attributes.get(attribute) or "")
    safe = nh3.clean(MARKER.sub("", body.inner_html or ""), link_rel="noopener noreferrer nofollow").strip()
    for node in body.css(BLOCKS):
        node.insert_before(PARAGRAPH)
        node.insert_after(PARAGRAPH)
    text = clean_lines(body.text(separator="").split(PARAGRAPH))
    return text, safe


def title_text(value: str | None, is_html: bool) -> str:
    """A one-line title: tags dropped, entities decoded, whitespace collapsed."""
    if not value:
        return ""
    if is_html or "<" in value:
        tree = LexborHTMLParser(f"<body>{value}</body>")
        value = tree.body.text(separator=" ") if tree.body else value
    else:
        value = html_lib.unescape(value)
    return " ".join(value.translate(INVISIBLE).split())


def shorten(text: str, limit: int = 140) -> str:
    """First line of a text, cut at a word boundary: a title for posts that have none."""
    first = text.split("\n", 1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"
