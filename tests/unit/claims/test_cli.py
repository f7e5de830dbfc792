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


def test_extract_shows_the_basis_of_a_tally_line_and_the_claimants_party() -> None:
    text = "The total combat losses of the enemy from 24.02 to 01.06 were approximately:\ntanks ‒ 1381 (+5),\n"
    result = runner.invoke(claims_app, ["extract", "--published", "2022-06-01", "--claimant", "Ministry of Defence of Ukraine"], input=text)
    assert result.exit_code == 0, result.output
    found = {(c["count"]["min"], c["basis"], c["claimant_party"], c["side"]) for c in json.loads(result.output)}
    assert found == {(1381, "total", "Ukraine", "Russia"), (5, "increment", "Ukraine", "Russia")}


def test_extract_reads_other_languages() -> None:
    text = "танків ‒ 1637 (+35) од,"
    result = runner.invoke(claims_app, ["extract", "--claimant", "Генеральний штаб ЗСУ", "--language", "uk"], input=text)
    assert result.exit_code == 0, result.output
    assert {(c["language"], c["basis"], c["claimant_party"]) for c in json.loads(result.output)} == {
        ("uk", "total", "Ukraine"), ("uk", "increment", "Ukraine")}
