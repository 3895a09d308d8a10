"""``medlint stats``: readability figures per file as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from medlint.cli import main

TEXT = "# Taking your tablets\n\nTake one tablet each day. Drink lots of water.\n\n# Side effects\n\nCall us if you feel sick or dizzy.\n"


def _files(tmp_path):
    (tmp_path / "leaflet.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Rest when you feel tired. Eat small meals often.\n", encoding="utf-8")
    return tmp_path


def test_table(tmp_path) -> None:
    result = CliRunner().invoke(main, ["stats", str(_files(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:6] == ["FILE", "WORDS", "SENT", "W/SENT", "3+SYL", "GRADE"]
    assert "SMOG" in lines[0] and "FK" in lines[0]
    assert any("leaflet.md" in line for line in lines) and any("other.txt" in line for line in lines)


def test_json_with_sections(tmp_path) -> None:
    result = CliRunner().invoke(main, ["stats", "--format", "json", "--sections", str(_files(tmp_path) / "leaflet.md")])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["section"] for r in rows] == [None, "Taking your tablets", "Side effects"]
    assert rows[0]["sentences"] == 3 and rows[0]["words"] == 17
    assert rows[0]["formula"] == "smog" and rows[0]["grade"] == rows[0]["smog"]


def test_csv(tmp_path) -> None:
    result = CliRunner().invoke(main, ["stats", "--format", "csv", str(_files(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 2 and {"path", "flesch_reading_ease", "flesch_kincaid_grade", "smog"} <= set(rows[0])


def test_language_option(tmp_path) -> None:
    (tmp_path / "es.txt").write_text("Tome una pastilla al día. Beba mucha agua cada mañana.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--lang", "es", "--format", "json", str(tmp_path / "es.txt")])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)[0]
    assert row["language"] == "es" and row["formula"] == "fernandez-huerta" and "fernandez_huerta" in row


def test_missing_path_exits_2(tmp_path) -> None:
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
