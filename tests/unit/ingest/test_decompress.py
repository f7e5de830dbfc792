import gzip
import os
import zlib

import pytest

from services.ingest.fetch.decompress import BodyTooLarge, BudgetedDecoder, DecompressionBomb, UnsupportedEncoding


def feed_all(decoder: BudgetedDecoder, data: bytes, chunk: int = 4096) -> bytes:
    for i in range(0, len(data), chunk):
        decoder.feed(data[i:i + chunk])
    return decoder.body()


def test_identity_and_gzip_and_zlib_deflate_decode():
    text = b"<rss>" + b"news " * 1000 + b"</rss>"
    assert feed_all(BudgetedDecoder("", 1 << 20), text) == text
    assert feed_all(BudgetedDecoder("gzip", 1 << 20), gzip.compress(text)) == text
    assert feed_all(BudgetedDecoder("deflate", 1 << 20), zlib.compress(text)) == text


def test_incompressible_body_past_the_budget_is_too_large_not_a_bomb():
    noise = gzip.compress(os.urandom(300_000))
    with pytest.raises(BodyTooLarge):
        feed_all(BudgetedDecoder("gzip", 200_000), noise)


def test_extreme_ratio_is_a_bomb_even_below_the_budget():
    bomb = gzip.compress(b"\0" * (4 << 20))
    decoder = BudgetedDecoder("gzip", 64 << 20, max_ratio=100)
    with pytest.raises(DecompressionBomb):
        feed_all(decoder, bomb)
    assert decoder.decoded_bytes < 3 << 20  # stopped soon after the first MiB


@pytest.mark.parametrize("coding", ["br", "compress", "gzip, gzip"])
def test_unsupported_or_stacked_encodings_are_refused(coding):
    with pytest.raises(UnsupportedEncoding):
        BudgetedDecoder(coding, 1000)


@pytest.mark.parametrize("chunk", [7, 4096, 1 << 20])
def test_large_gzip_body_round_trips_whatever_the_chunking(chunk):
    data = b"".join(b"<item>%s ceasefire</item>\n" % os.urandom(16).hex().encode() for _ in range(40_000))
    assert feed_all(BudgetedDecoder("gzip", 8 << 20), gzip.compress(data), chunk) == data
