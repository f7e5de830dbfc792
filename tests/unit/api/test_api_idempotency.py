"""The request fingerprint an Idempotency-Key protects."""

from __future__ import annotations

from services.api.idempotency import fingerprint


def test_json_bodies_compare_by_content_not_by_key_order_or_spacing():
    assert fingerprint("POST", "/v1/feeds", b'{"a": 1, "b": [1, 2]}') == fingerprint(
        "POST", "/v1/feeds", b'{"b":[1,2],"a":1}'
    )


def test_method_path_and_content_all_count():
    base = fingerprint("POST", "/v1/feeds", b'{"a": 1}')
    assert base != fingerprint("POST", "/v1/feeds", b'{"a": 2}')
    assert base != fingerprint("PATCH", "/v1/feeds", b'{"a": 1}')
    assert base != fingerprint("POST", "/v1/feeds/x", b'{"a": 1}')
    assert fingerprint("POST", "/v1/feeds", b"not json") != fingerprint("POST", "/v1/feeds", b"not json!")
