"""A corpus of realistic RSS 2.0 feeds and a server for it in a process of its own.

Each feed looks like a news site's: channel metadata, and items with a permalink GUID, an RFC 822
date, an author, categories, an escaped HTML summary and the full text in `content:encoded`.
The server answers with ETag and Last-Modified and sends 304 when the client's validators
match (If-None-Match wins over If-Modified-Since, as RFC 9110 says). It runs in its own
process so its CPU is never counted as a client's, and it counts what it answered.
"""

from __future__ import annotations

import hashlib
import html
import json
import multiprocessing
import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from urllib.request import urlopen

from bench.support.samples import EPOCH, paragraph, sentence

SITE_NAMES = ("Frontline Wire", "Caucasus Daily", "Regional Observer", "Defence Bulletin", "World Desk")
CATEGORIES = ("Conflict", "Politics", "World", "Caucasus", "Defence", "Diplomacy", "Humanitarian")


def feed_path(n: int) -> str:
    return f"/feeds/{n:04d}.xml"


def render_feed(n: int, items: int, texts: list[str]) -> bytes:
    rng = random.Random(n)
    site = f"site{n:04d}.example"
    name = f"{SITE_NAMES[n % len(SITE_NAMES)]} {n}"
    newest = EPOCH + timedelta(hours=n % 48)
    entries = []
    for i in range(items):
        published = newest - timedelta(minutes=17 * i + rng.randint(0, 16))
        link = f"https://{site}/{published:%Y/%m/%d}/story-{n}-{i}.html"
        body = "".join(f"<p>{rng.choice(texts)}</p>" for _ in range(rng.randint(3, 5)))
        summary = html.escape(f"<p>{rng.choice(texts)[:300]}</p>")
        categories = "".join(f"<category>{c}</category>" for c in rng.sample(CATEGORIES, 2))
        entries.append(
            f"<item><title>{html.escape(rng.choice(texts)[:90].rstrip())}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid><pubDate>{format_datetime(published)}</pubDate>'
            f"<dc:creator>Staff reporter {rng.randint(1, 40)}</dc:creator>{categories}"
            f"<description>{summary}</description><content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>{name}</title><link>https://{site}/</link>"
        f'<atom:link href="https://{site}/feed.xml" rel="self" type="application/rss+xml"/>'
        f"<description>Latest news from {name}</description><language>en</language>"
        f"<lastBuildDate>{format_datetime(newest)}</lastBuildDate><ttl>15</ttl>"
        + "".join(entries)
        + "</channel></rss>\n"
    ).encode()


def corpus(feeds: int, items: int, seed: int = 11) -> dict[str, bytes]:
    rng = random.Random(seed)
    texts = [paragraph(rng, rng.randint(2, 4)) for _ in range(1500)] + [sentence(rng, 12) for _ in range(500)]
    return {feed_path(n): render_feed(n, items, texts) for n in range(feeds)}


def _validated(body: bytes, counts: Counter):
    from tools.feed_server import Request, Response

    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    last_modified = format_datetime(EPOCH + timedelta(days=1), usegmt=True)
    validators = {"ETag": etag, "Last-Modified": last_modified, "Content-Type": "application/rss+xml; charset=utf-8"}

    def handle(request: Request) -> Response:
        if_none_match = request.headers.get("if-none-match")
        if_modified_since = request.headers.get("if-modified-since")
        if if_none_match is not None:
            fresh = etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
        else:
            fresh = if_modified_since is not None and _not_after(last_modified, if_modified_since)
        counts[304 if fresh else 200] += 1
        return Response(304, validators) if fresh else Response(200, validators, body)

    return handle


def _not_after(last_modified: str, if_modified_since: str) -> bool:
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False


def _serve(feeds: int, items: int, conn) -> None:
    from tools.feed_server import FeedServer, Response

    counts: Counter = Counter()
    documents = corpus(feeds, items)
    server = FeedServer().start()
    for path, body in documents.items():
        server.route(path, _validated(body, counts))
    server.route("/_stats", lambda _request: Response(200, {}, json.dumps(counts)))
    conn.send((server.port, sum(len(b) for b in documents.values())))
    conn.recv()  # until told to stop
    server.stop()


class ServedCorpus:
    def __init__(self, port: int, feeds: int, corpus_bytes: int) -> None:
        self.port = port
        self.feeds = feeds
        self.corpus_bytes = corpus_bytes

    def urls(self, count: int | None = None) -> list[str]:
        return [f"http://127.0.0.1:{self.port}{feed_path(n)}" for n in range(count or self.feeds)]

    def answered(self) -> Counter:
        """How many 200s and 304s the server has sent so far."""
        with urlopen(f"http://127.0.0.1:{self.port}/_stats", timeout=10) as response:
            return Counter({int(k): v for k, v in json.loads(response.read()).items()})


@contextmanager
def served_corpus(feeds: int, items: int) -> Iterator[ServedCorpus]:
    """Serve `feeds` feeds of `items` items on 127.0.0.1 from a child process."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(feeds, items, theirs), name="feed-corpus", daemon=True)
    process.start()
    try:
        while not ours.poll(0.5):
            if not process.is_alive():
                raise RuntimeError(f"the feed server stopped with exit code {process.exitcode}")
        port, size = ours.recv()
        yield ServedCorpus(port, feeds, size)
    finally:
        if process.is_alive():
            ours.send("stop")
            process.join(10)
        if process.is_alive():
            process.terminate()
            process.join()
