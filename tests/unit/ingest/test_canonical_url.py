import pytest

from services.ingest.normalise.canonical_url import canonical_url


@pytest.mark.parametrize("raw, expected", [
    ("HTTPS://News.Example.COM:443/a/b?id=5#comments", "https://news.example.com/a/b?id=5"),
    ("http://news.example:80/a", "http://news.example/a"),
    ("http://news.example:8080/a", "http://news.example:8080/a"),
    ("https://e.example/a?utm_source=tw&utm_medium=social&id=1&fbclid=x&gclid=y&mc_cid=z&mc_eid=w",
     "https://e.example/a?id=1"),
    ("https://e.example/a?UTM_Campaign=x&_ga=1&yclid=2&msclkid=3", "https://e.example/a"),
    ("https://e.example/a//b/./c/../d", "https://e.example/a/b/d"),
    ("https://e.example", "https://e.example/"),
    ("https://e.example/%e2%9c%93 x", "https://e.example/%E2%9C%93%20x"),
    ("https://e.example/путь", "https://e.example/%D0%BF%D1%83%D1%82%D1%8C"),
    ("https://e.example/a?b=1&a=2", "https://e.example/a?b=1&a=2"),
    ("https://[2001:db8::1]:443/x", "https://[2001:db8::1]/x"),
    # A fully qualified host (trailing dot) names the same site.
    ("https://News.Example.COM./a", "https://news.example.com/a"),
    # Dot segments as RFC 3986 5.2.4 removes them: `..` never climbs above the root, and a path
    # ending in a dot segment names a directory.
    ("https://e.example/a/../b", "https://e.example/b"),
    ("https://e.example/../b", "https://e.example/b"),
    ("https://e.example/a/b/..", "https://e.example/a/"),
    ("https://e.example/a/b/.", "https://e.example/a/b/"),
    # A parameter without a value is still part of the address.
    ("https://e.example/a?print=&id=1", "https://e.example/a?print=&id=1"),
])
def test_canonical_form(raw, expected):
    assert canonical_url(raw) == expected


def test_relative_links_resolve_against_the_base():
    assert canonical_url("../news/1?utm_source=rss", "https://e.example/en/feed/") == "https://e.example/en/news/1"
    assert canonical_url("/x", "https://e.example:8443/feed") == "https://e.example:8443/x"


@pytest.mark.parametrize("raw", [None, "", "  ", "javascript:alert(1)", "mailto:a@e.example",
                                 "tag:github.com,2008:Repository/1", "ftp://e.example/f", "https://e.example:99999/"])
def test_non_web_urls_have_no_canonical_form(raw):
    assert canonical_url(raw) is None
