"""A public Telegram channel's web preview (https://t.me/s/<channel>): one entry per post."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from services.ingest.parse.dates import parse_date
from services.ingest.parse.encoding import decode_text
from services.ingest.parse.model import ParsedEntry, ParsedFeed, ParseError, ParseErrorKind, keep_first

POST = ".tgme_widget_message[data-post]"
# Quoted replies and link previews carry other messages' text; only the post's own counts.
FOREIGN_CLASSES = frozenset({"tgme_widget_message_reply", "tgme_widget_message_link_preview"})


def channel_preview_url(channel: str) -> str:
    return f"https://t.me/s/{channel.strip().lstrip('@')}"


def parse_telegram(body: bytes, headers: dict[str, str], base_url: str | None, max_items: int) -> ParsedFeed:
    text, used = decode_text(body, headers, sniff_html=True)
    tree = HTMLParser(text)
    posts = tree.css(POST)
    if not posts:
        raise ParseError(ParseErrorKind.NOT_A_FEED, "no Telegram posts (.tgme_widget_message) on the page")
    warnings: list[str] = []
    entries = [entry for post in posts if (entry := _entry(post))]
    if skipped := len(posts) - len(entries):
        warnings.append(f"skipped {skipped} posts without text (media only or service messages)")
    if not entries:
        raise ParseError(ParseErrorKind.EMPTY, "no post on the page carries text")
    # The preview lists oldest first; the newest matter most when the limit bites.
    entries.reverse()
    entries, dropped = keep_first(entries, max_items, warnings)
    title = tree.css_first(".tgme_channel_info_header_title")
    return ParsedFeed(
        format="telegram",
        entries=entries,
        title=title.text(strip=True) if title else None,
        link=base_url,
        encoding=used,
        warnings=warnings,
        dropped_entries=dropped,
    )


def _entry(post: Node) -> ParsedEntry | None:
    if "service_message" in (post.attributes.get("class") or ""):
        return None
    body = _own_text_node(post)
    if body is None:
        return None
    permalink = f"https://t.me/{post.attributes['data-post']}"
    time_node = post.css_first(".tgme_widget_message_date time[datetime]")
    raw_date = time_node.attributes.get("datetime") if time_node else None
    author = post.css_first(".tgme_widget_message_from_author") or post.css_first(
        ".tgme_widget_message_owner_name"
    )
    forwarded = post.css_first(".tgme_widget_message_forwarded_from_name")
    return ParsedEntry(
        guid=permalink,
        link=permalink,
        title=None,
        content=body.html,
        content_type="text/html",
        published=parse_date(raw_date),
        published_raw=raw_date,
        authors=[a.text(strip=True) for a in (author, forwarded) if a is not None and a.text(strip=True)],
        tags=list(dict.fromkeys(h.text(strip=True).lstrip("#") for h in body.css('a[href^="?q=%23"]'))),
        base_url=permalink,
    )


def _own_text_node(post: Node) -> Node | None:
    for node in post.css(".tgme_widget_message_text"):
        if not _inside_foreign_block(node, post) and node.text(strip=True):
            return node
    return None


def _inside_foreign_block(node: Node, post: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.attributes.get("data-post") != post.attributes.get("data-post"):
        classes = (parent.attributes.get("class") or "").split()
        if FOREIGN_CLASSES.intersection(classes):
            return True
        parent = parent.parent
    return False
