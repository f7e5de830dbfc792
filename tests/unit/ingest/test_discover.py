from services.ingest.fetch.discover import discover_feeds

PAGE = b"""<!doctype html><html><head>
<base href="https://mod.example/en/">
<link rel="stylesheet" href="/style.css" type="text/css">
<link rel="alternate" type="application/rss+xml" title="Press releases" href="press/rss.xml">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://mod.example/atom">
<link rel="alternate" type="application/feed+json" href="/feed.json">
<link rel="alternate" type="application/rss+xml" href="press/rss.xml">
<link rel="alternate" hreflang="hy" type="text/html" href="/hy/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body></body></html>"""


def test_advertised_feeds_are_found_and_resolved():
    feeds = discover_feeds(PAGE, {"Content-Type": "text/html"}, "https://mod.example/en/index.html")
    assert [(f.url, f.type, f.title) for f in feeds] == [
        ("https://mod.example/en/press/rss.xml", "application/rss+xml", "Press releases"),
        ("https://mod.example/atom", "application/atom+xml", None),
        ("https://mod.example/feed.json", "application/feed+json", None),
    ]
    assert {f.kind for f in feeds} == {"rss"}


def test_page_without_feeds():
    assert discover_feeds(b"<html><head><title>x</title></head></html>", {}, "https://e.example/") == []
