"""Content-Encoding decoding with a budget, so a small gzip cannot become gigabytes."""

from __future__ import annotations

import zlib

SUPPORTED_ENCODINGS = ("gzip", "deflate")
ACCEPT_ENCODING = ", ".join(SUPPORTED_ENCODINGS)
RATIO_CHECK_AFTER = 1 << 20
INFLATE_STEP = 256 << 10
"""Small bodies may compress extremely well (runs of spaces); judge the ratio past 1 MiB."""


class DecompressionBomb(Exception):
    pass


class BodyTooLarge(Exception):
    pass


class UnsupportedEncoding(Exception):
    pass


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        # 32 + MAX_WBITS reads both gzip and zlib headers; raw deflate is retried below.
        self._obj = zlib.decompressobj(32 + zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes, max_length: int) -> bytes:
        try:
            out = self._obj.decompress(data, max_length)
        except zlib.error:
            if self._started or self._encoding != "deflate":
                raise
            self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._obj.decompress(data, max_length)
        self._started = True
        return out

    @property
    def pending(self) -> bool:
        return bool(self._obj.unconsumed_tail)

    def more(self, max_length: int) -> bytes:
        return self._obj.decompress(self._obj.unconsumed_tail, max_length)

    def flush(self) -> bytes:
        return self._obj.flush()


class BudgetedDecoder:
    """Decodes a body chunk by chunk and stops past `max_bytes` decoded bytes.

    Inflating at a ratio above `max_ratio` is a bomb, caught as soon as 1 MiB
    has come out; otherwise going past the budget is just a body too large.
    """

    def __init__(self, content_encoding: str, max_bytes: int, max_ratio: float = 100.0) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise UnsupportedEncoding(f"unsupported Content-Encoding {coding!r}")
        if len(codings) > 1:
            raise UnsupportedEncoding(f"stacked Content-Encoding {content_encoding!r}")
        self._inflater = _Inflater(codings[0].replace("x-", "")) if codings else None
        self.max_bytes = max_bytes
        self.max_ratio = max_ratio
        self.wire_bytes = 0
        self.decoded_bytes = 0
        self._parts: list[bytes] = []

    def feed(self, chunk: bytes) -> None:
        self.wire_bytes += len(chunk)
        if self._inflater is None:
            self._take(chunk)
            return
        try:
            out = self._inflater.feed(chunk, self._room())
            self._take(out)
            while self._inflater.pending:
                self._take(self._inflater.more(self._room()))
        except zlib.error as exc:
            raise UnsupportedEncoding(f"corrupt compressed body: {exc}") from exc

    def body(self) -> bytes:
        """The decoded body, once the last chunk has been fed."""
        if self._inflater is not None:
            try:
                while out := self._inflater.more(self._room()):
                    self._take(out)
                self._take(self._inflater.flush())
            except zlib.error as exc:
                raise UnsupportedEncoding(f"corrupt compressed body: {exc}") from exc
        return b"".join(self._parts)

    def _room(self) -> int:
        """Inflate in steps, so a bomb is judged after a step, not after it all came out."""
        return min(self.max_bytes - self.decoded_bytes + 1, INFLATE_STEP)

    def _take(self, data: bytes) -> None:
        self.decoded_bytes += len(data)
        ratio = self.decoded_bytes / max(self.wire_bytes, 1)
        compressed = self._inflater is not None
        if compressed and self.decoded_bytes > RATIO_CHECK_AFTER and ratio > self.max_ratio:
            raise DecompressionBomb(
                f"{self.wire_bytes} compressed bytes inflate to over {self.decoded_bytes} (ratio {ratio:.0f})"
            )
        if self.decoded_bytes > self.max_bytes:
            raise BodyTooLarge(f"body larger than {self.max_bytes} bytes")
        self._parts.append(data)
