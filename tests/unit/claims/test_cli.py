import json

from typer.testing import CliRunner

from services.alerts.cli import claims_app

runner = CliRunner()


def test_extract_reads_stdin_and_prints_claims() -> None:
    result = runner.invoke(claims_app, ["extract", "--published", "2020-09-28", "--claimant", "Armenia"], input="Five enemy tanks were destroyed.")
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.output)
    assert (claim["subject"], claim["count"], claim["claimant"], claim["side"]) == ("tank", {"min": 5, "max": 5}, "Armenia", "Azerbaijan")


def test_extract_jsonl_writes_one_line_per_input() -> None:
    lines = "\n".join(
        json.dumps(item)
        for item in (
            {"id": "a", "text": "In 2016, more than 200 people were killed.", "published": "2020-09-28"},
            {"id": "b", "text": "No casualties were reported."},
        )
    )
    result = runner.invoke(claims_app, ["extract", "--jsonl"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["claims"][0]["historical"] is True and records[1]["claims"] == []


def test_bad_input_is_refused_with_a_reason() -> None:
    assert runner.invoke(claims_app, ["extract", "--published", "28/09/2020"], input="x").exit_code == 2
    result = runner.invoke(claims_app, ["extract", "--jsonl"], input="not json\n")
    assert result.exit_code == 2 and "line 1" in result.output
