"""Exit 0 when a Kafka broker answers a Metadata request listing at least MIN_BROKERS brokers
(default 1): in a cluster, the broker has joined and sees the others.

Standard library only, so the stack can be checked before the project's venv exists.
Usage: python3 kafka_ready.py [HOST:PORT [MIN_BROKERS]]
"""

from __future__ import annotations

import socket
import struct
import sys

API_METADATA = 3
API_VERSIONS = 18
CLIENT_ID = b"sitrep-stack-check"


def _request(sock: socket.socket, api_key: int, version: int, correlation_id: int, body: bytes) -> bytes:
    header = struct.pack(">hhih", api_key, version, correlation_id, len(CLIENT_ID)) + CLIENT_ID
    payload = header + body
    sock.sendall(struct.pack(">i", len(payload)) + payload)
    size = struct.unpack(">i", _read(sock, 4))[0]
    response = _read(sock, size)
    if struct.unpack(">i", response[:4])[0] != correlation_id:
        raise ValueError("correlation id mismatch")
    return response[4:]


def _read(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("broker closed the connection")
        data += chunk
    return data


def _metadata_version_range(sock: socket.socket) -> tuple[int, int]:
    body = _request(sock, API_VERSIONS, 0, 1, b"")
    error, count = struct.unpack(">hi", body[:6])
    if error:
        raise ValueError(f"ApiVersions error {error}")
    for i in range(count):
        key, low, high = struct.unpack(">hhh", body[6 + 6 * i : 12 + 6 * i])
        if key == API_METADATA:
            return low, high
    raise ValueError("broker does not list Metadata")


def broker_count(address: str) -> int:
    host, _, port = address.rpartition(":")
    with socket.create_connection((host, int(port)), timeout=3) as sock:
        low, high = _metadata_version_range(sock)
        version = max(low, 4)
        if version > min(high, 8):
            raise ValueError(f"no non-flexible Metadata version in {low}..{high}")
        body = struct.pack(">ib", -1, 0)  # all topics, no auto-creation
        if version >= 8:
            body += struct.pack(">bb", 0, 0)  # no authorized-operations
        response = _request(sock, API_METADATA, version, 2, body)
        _throttle_ms, brokers = struct.unpack(">ii", response[:8])
        return brokers


def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092"
    wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    try:
        brokers = broker_count(address)
    except (OSError, ValueError) as exc:
        print(f"not ready: {exc}", file=sys.stderr)
        return 1
    if brokers < wanted:
        print(f"not ready: {brokers} of {wanted} brokers known", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
