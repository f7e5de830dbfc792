"""The ways a feed or webhook URL can point at a private network, for the SSRF tests."""

from __future__ import annotations

PRIVATE_FORMS = [
    "http://127.0.0.1:{port}/x",
    "http://localhost:{port}/x",
    "http://[::1]:{port}/x",
    "http://[::ffff:127.0.0.1]:{port}/x",
    "http://[::ffff:7f00:1]:{port}/x",
    "http://2130706433:{port}/x",  # 127.0.0.1 in decimal
    "http://0177.0.0.1:{port}/x",  # in octal
    "http://0x7f.0.0.1:{port}/x",  # in hex
    "http://127.1:{port}/x",  # short form
    "http://0.0.0.0:{port}/x",
    "http://[::]:{port}/x",
    "http://10.0.0.1/x",
    "http://172.16.0.1/x",
    "http://192.168.1.1/x",
    "http://100.64.0.1/x",
    "http://[fd00::1]/x",
    "http://[fe80::1]/x",
    "http://[2002:7f00:1::]/x",  # 6to4 around 127.0.0.1
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://100.100.100.200/latest/meta-data/",
]
"""Loopback (in every spelling), private, shared, unique-local and link-local ranges, and cloud metadata."""

PRIVATE_ANSWERS = [["127.0.0.1"], ["10.1.2.3"], ["::ffff:127.0.0.1"], ["fd00::7"], ["169.254.169.254"],
                   ["93.184.216.34", "192.168.0.9"]]
"""What DNS may answer for a public-looking name: one private address among them is enough to refuse."""


def names(answers: dict[str, list[str]]):
    """A resolver with fixed answers, standing in for DNS."""

    async def resolve(host: str, port: int) -> list[str]:
        return answers[host]

    return resolve
