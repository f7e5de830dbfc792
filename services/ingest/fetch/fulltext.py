"""The full article behind an entry, for sources whose feed carries only a summary (opt-in).

The article page is fetched with the same fetcher (network guard, size and time limits, per-host
slots), and its main text found the way most news pages allow: the element marked as the article
body, else `<article>` or `<main>`, else the element whose paragraphs hold the most text. The
article replaces the feed's text only when it says more; a page that fails keeps the summary.
Lines the host repeats across its pages — a cookie banner, a login wall, a sidebar — are learnt
per host (`shared/text/boilerplate.py`) and left out of the article's text.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from services.ingest.fetch.fetcher import Fetcher, FetchError
from services.ingest.item import IngestedItem
from services.ingest.normalise.text import html_to_text_and_safe_html
from services.ingest.parse.encoding import decode_text
from shared.text.boilerplate import HostBoilerplate, host_of

MAX_ARTICLES = 20
"""Articles fetched per feed document; further new entries keep their summaries."""
MIN_ARTICLE_CHARS = 200
MARKED = ("[itemprop=articleBody]", "article", "main", "[role=main]")
AROUND = "nav, aside, header, footer, form, [role=navigation], [role=complementary], .share, .related, .comments"


def article_text(body: bytes, headers: dict[str, str], url: str) -> tuple[str, str] | None:
    """(clean text, sanitised HTML) of the page's main article, or None when none is found."""
    page, _ = decode_text(body, headers, sniff_html=True)
    tree = LexborHTMLParser(page)
    if tree.body is None:
        return None
    node = _marked(tree) or _densest(tree)
    if node is None:
        return None
    for junk in node.css(AROUND):
        junk.decompose()
    text, html = html_to_text_and_safe_html(node.html or "", url)
    return (text, html) if len(text) >= MIN_ARTICLE_CHARS else None


def _marked(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in MARKED:
        found = [n for n in tree.css(selector) if len(n.text(strip=True)) >= MIN_ARTICLE_CHARS]
        if found:
            return max(found, key=lambda n: len(n.text(strip=True)))
    return None


def _densest(tree: LexborHTMLParser) -> LexborNode | None:
    parents: dict[int, tuple[LexborNode, int]] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is not None:
            _, chars = parents.get(parent.mem_id, (parent, 0))
            parents[parent.mem_id] = (parent, chars + len(paragraph.text(strip=True)))
    return max(parents.values(), key=lambda pair: pair[1])[0] if parents else None


async def add_full_text(fetcher: Fetcher, items: list[IngestedItem], budget: float,
                        boilerplate: HostBoilerplate | None = None) -> tuple[list[IngestedItem], list[str]]:
    """The items with their article's text where it says more than the feed; warnings for failures.

    All the articles share one time budget: those not in by then keep their summaries. Each
    article teaches `boilerplate` (the caller's, kept across fetches; else one for this call) its
    host's repeated lines and is kept without them.
    """
    boilerplate = boilerplate if boilerplate is not None else HostBoilerplate()
    chosen = [item for item in items if item.url][:MAX_ARTICLES]
    tasks = {asyncio.create_task(_article(fetcher, item)): item for item in chosen}
    if not tasks:
        return items, []
    done, pending = await asyncio.wait(tasks, timeout=budget)
    for task in pending:
        task.cancel()
    warnings = [f"full text: {len(pending)} articles not fetched within {budget:g}s"] if pending else []
    better: dict[str, IngestedItem] = {}
    for task in sorted(done, key=lambda t: chosen.index(tasks[t])):
        item, found, problem = tasks[task], *task.result()
        if problem:
            warnings.append(f"full text of {item.url}: {problem}")
            continue
        text = boilerplate.clean(host_of(found[2]), found[0]) if found else ""
        if found and len(text) > len(item.text):
            better[item.item_key] = replace(item, text=text, html=found[1])
    return [better.get(item.item_key, item) for item in items], warnings


async def _article(fetcher: Fetcher, item: IngestedItem) -> tuple[tuple[str, str, str] | None, str | None]:
    """((text, html, final URL) of the article or None, problem)."""
    try:
        result = await fetcher.fetch(item.url)
    except FetchError as exc:
        return None, f"{exc.kind.value}: {exc.message}"
    try:
        found = await asyncio.to_thread(article_text, result.body, result.headers, result.final_url)
        return (*found, result.final_url) if found else None, None
    except Exception as exc:  # noqa: BLE001 — a page we cannot read leaves the summary in place
        return None, f"unreadable page: {type(exc).__name__}: {exc}"
