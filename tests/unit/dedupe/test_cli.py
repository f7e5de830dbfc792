import json

from typer.testing import CliRunner

from services.dedupe.archive import parse_time
from services.dedupe.cli import dedupe_app
from tests.support.incidents import GANJA

BODY = ("The UN Security Council on Tuesday strongly condemned the use of force in Nagorno-Karabakh "
        "and called for an immediate halt to the fighting and a return to meaningful negotiations.")


def _line(item_id: str, text: str, source: str, published: str = "2020-09-29T10:00:00Z") -> str:
    return json.dumps({"id": item_id, "title": "t", "text": text, "url": None,
                       "published": published, "source": source})


def test_cluster_writes_one_line_per_item_in_input_order():
    lines = [
        _line("un-1", BODY, "un"),
        _line("other", "Protesters stormed the parliament in Yerevan after the deal was announced.", "x"),
        _line("copy", "NEW YORK (Wire) — " + BODY.replace("strongly", "firmly"), "wire"),
        _line("late-copy", BODY, "late", published="2020-10-20T10:00:00Z"),
    ]
    result = CliRunner().invoke(dedupe_app, ["cluster", "--window-days", "3"], input="\n".join(lines) + "\n\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out == [
        {"id": "un-1", "story": "un-1", "incident": "un-1"},
        {"id": "other", "story": "other", "incident": "other"},
        {"id": "copy", "story": "un-1", "incident": "un-1"},
        {"id": "late-copy", "story": "late-copy", "incident": "late-copy"},
    ]


def test_three_outlets_in_two_languages_report_one_incident():
    lines = [json.dumps({"id": f"ganja-{n}", "title": title, "text": text, "language": lang,
                         "url": f"https://outlet{n}.example/ganja", "published": "2020-10-11T08:00:00Z",
                         "source": f"outlet-{n}"})
             for n, (lang, title, text) in enumerate(GANJA)]
    lines.append(_line("un-1", BODY, "un", published="2020-10-11T09:00:00Z"))
    result = CliRunner().invoke(dedupe_app, ["cluster"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = {line["id"]: line for line in map(json.loads, result.output.splitlines())}
    assert len({out[f"ganja-{n}"]["story"] for n in range(3)}) == 3, "written separately: three stories"
    assert {out[f"ganja-{n}"]["incident"] for n in range(3)} == {"ganja-0"}
    assert out["un-1"]["incident"] == "un-1"


def test_a_line_that_is_not_an_item_is_a_clear_error():
    result = CliRunner().invoke(dedupe_app, ["cluster"], input='{"title": "no id"}\n')
    assert result.exit_code != 0
    assert "line 1" in result.output


def test_times_in_iso_and_rfc_822():
    assert parse_time("Wed, 31 Jan 2018 07:26:05 GMT").isoformat() == "2018-01-31T07:26:05+00:00"
    assert parse_time("2020-09-28").isoformat() == "2020-09-28T00:00:00+00:00"
    assert parse_time("yesterday") is None
