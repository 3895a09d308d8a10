"""The command line through click's CliRunner: every option, every exit code, bad inputs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from medlint import __version__
from medlint.cli import main

from conftest import TEST_PACKS

CONFIG = f'packs = ["{TEST_PACKS.as_posix()}"]\nselect = ["XT"]\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with a config selecting only the test packs, as the current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "medlint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "good.md").write_text("# Fine\n\nPlease use the form.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Utilise a detox.\n", encoding="utf-8")
    return tmp_path


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env or {"CI": "true"}, catch_exceptions=False)


def test_version():
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"medlint, version {__version__}\n")


def test_clean_file_exits_0(project):
    result = run("check", "good.md")
    assert result.exit_code == 0
    assert result.stdout == "0 problems (0 errors, 0 warnings, 0 info) in 1 file checked.\n"


def test_text_output_and_default_fail_on_error(project):
    result = run("check", "bad.txt")
    assert result.exit_code == 0  # warnings and info do not fail by default
    assert result.stdout == (
        "bad.txt:1:1: warning XT01 'Utilise' could be 'Use'.\n"
        "    suggestion: 'Use'\n"
        "bad.txt:1:11: info XT02 Avoid 'detox'.\n"
        "1 problem (0 errors, 1 warning, 1 info) in 1 file checked.\n"
    ).replace("1 problem (", "2 problems (")


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(project, fail_on, code):
    assert run("check", "--fail-on", fail_on, "bad.txt").exit_code == code


def test_fail_on_from_config_and_severity_override(project):
    (project / "medlint.toml").write_text(CONFIG + '[rules.XT02]\nseverity = "error"\n', encoding="utf-8")
    assert run("check", "bad.txt").exit_code == 1
    assert run("check", "--fail-on", "never", "bad.txt").exit_code == 0


def test_select_ignore_and_extend_select(project):
    assert "XT02" not in run("check", "--ignore", "XT02", "bad.txt").stdout
    only = run("check", "--select", "XT02", "bad.txt").stdout
    assert "XT02" in only and "XT01" not in only
    both = run("check", "--select", "XT01", "--extend-select", "XT02", "bad.txt").stdout
    assert "XT01" in both and "XT02" in both
    comma = run("check", "--select", "XT01,XT02", "--ignore", "XT01", "bad.txt").stdout
    assert "XT01" not in comma and "XT02" in comma


def test_unknown_selector_is_a_usage_error(project):
    result = run("check", "--select", "QQ", "bad.txt")
    assert result.exit_code == 2
    assert "unknown rule or family 'QQ' in 'select'" in result.stderr


def test_lang_skips_rules_for_other_languages_and_is_validated(project):
    result = run("check", "--lang", "es", "--fail-on", "info", "bad.txt")
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "0 problems (0 errors, 0 warnings, 0 info) in 1 file checked.")
    bad = run("check", "--lang", "spanish", "bad.txt")
    assert bad.exit_code == 2 and "'language' must be a language code" in bad.stderr


def test_json_output(project):
    result = run("check", "--format", "json", "bad.txt", "good.md")
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == ["bad.txt", "good.md"]
    assert data["files"][0]["findings"][0] == {
        "rule": "XT01", "name": "test.swap", "severity": "warning", "line": 1, "column": 1, "end_line": 1,
        "end_column": 8, "match": "Utilise", "message": "'Utilise' could be 'Use'.", "suggestions": ["Use"],
    }
    assert data["summary"] == {"files": 2, "error": 0, "warning": 1, "info": 1}
    assert data["errors"] == []


def test_github_output(project):
    result = run("check", "--format", "github", "bad.txt")
    assert result.stdout.splitlines() == [
        "::warning file=bad.txt,line=1,col=1,endLine=1,endColumn=8,title=XT01 test.swap::'Utilise' could be 'Use'. Suggestion: 'Use'",
        "::notice file=bad.txt,line=1,col=11,endLine=1,endColumn=16,title=XT02 test.exists::Avoid 'detox'.",
    ]


def test_output_file(project):
    result = run("check", "--format", "json", "--output", "out.json", "bad.txt")
    assert result.stdout == ""
    assert json.loads((project / "out.json").read_text(encoding="utf-8"))["summary"]["warning"] == 1


def test_config_option_forces_a_file(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "strict.toml"
    other.write_text(CONFIG + 'fail_on = "info"\n', encoding="utf-8")
    assert run("check", "--config", str(other), "bad.txt").exit_code == 1
    missing = run("check", "--config", "nope.toml", "bad.txt")
    assert missing.exit_code == 2 and "nope.toml: config file not found" in missing.stderr


def test_invalid_config_file_stops_the_run(project):
    (project / "medlint.toml").write_text("colour = 1\n", encoding="utf-8")
    result = run("check", "bad.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"medlint: error: {project / 'medlint.toml'}: unknown key 'colour'")
    assert result.stdout == ""


def test_stdin_with_filename_picks_the_format(project):
    result = run("check", "-", "--stdin-filename", "draft.md", input="<!-- medlint-disable XT01 -->\n\nUtilise it.\n")
    assert result.exit_code == 0 and result.stdout.startswith("0 problems")
    result = run("check", "-", input="Utilise it.\n")
    assert result.stdout.startswith("-:1:1: warning XT01")


def test_directory_walk(project):
    (project / "sub").mkdir()
    (project / "sub" / "more.html").write_text("<p>Utilise it.</p>", encoding="utf-8")
    (project / "sub" / "image.png").write_bytes(b"\x89PNG")
    result = run("check", ".", "--format", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["bad.txt", "good.md", "sub/more.html"]
    assert "skipped 2 file(s) of other types" in result.stderr  # medlint.toml and image.png


def test_default_path_is_current_folder(project):
    assert "bad.txt:1:1" in run("check").stdout


# --- bad inputs: a clear message naming the file, the other files still checked, exit code 2 ---

@pytest.mark.parametrize(
    "name, data, message",
    [
        ("binary.txt", b"\x00\x01\x02PNG", "binary.txt: error: binary file (contains NUL bytes)"),
        ("broken.txt", b"caf\xc3 \x81 bad", "broken.txt: error: not valid UTF-8 (byte 0xc3 at offset 3), nor Windows-1252"),
    ],
)
def test_unreadable_files(project, name, data, message):
    (project / name).write_bytes(data)
    result = run("check", name, "bad.txt")
    assert result.exit_code == 2
    assert f"medlint: {message}" in result.stderr
    assert "bad.txt:1:1: warning XT01" in result.stdout
    assert result.stdout.endswith("in 1 file checked; 1 file could not be checked.\n")
    assert "Traceback" not in result.output


def test_windows_1252_file_is_checked_with_a_note(project):
    (project / "old.txt").write_bytes("Caf\xe9: utilise it.".encode("latin-1"))
    result = run("check", "old.txt")
    assert result.exit_code == 0
    assert "old.txt: note: not valid UTF-8 (byte 0xe9 at offset 3); read as Windows-1252" in result.stderr
    assert "old.txt:1:7: warning XT01" in result.stdout


def test_empty_file(project):
    (project / "empty.md").write_text("", encoding="utf-8")
    result = run("check", "empty.md")
    assert result.exit_code == 0
    assert "empty.md: note: empty file: nothing to check" in result.stderr


def test_file_over_the_size_limit(project):
    big = project / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run("check", "big.txt", "bad.txt")
    assert result.exit_code == 2
    assert "big.txt: error: file is 50.0 MB, over the limit of 20 MB (raise max_file_size_mb to check it)" in result.stderr


def test_missing_path(project):
    result = run("check", "nope.md", "bad.txt")
    assert result.exit_code == 2
    assert "medlint: nope.md: error: no such file or directory" in result.stderr
    assert "bad.txt:1:1" in result.stdout


def test_folder_with_nothing_to_check(project):
    (project / "empty").mkdir()
    result = run("check", "empty")
    assert result.exit_code == 2
    assert "medlint: empty: no .txt, .md or .html files to check here" in result.stderr


def test_explicit_file_of_another_type(project):
    (project / "notes.docx").write_bytes(b"PK")
    result = run("check", "notes.docx", "bad.txt")
    assert result.exit_code == 0
    assert "notes.docx: skipped: not a .txt, .md or .html file" in result.stderr


# --- rules, rule, init ---

def test_rules_table_and_json(project):
    table = run("rules").stdout.splitlines()
    assert table[0].split() == ["ID", "NAME", "SEVERITY", "FIX", "LANG", "SUMMARY"]
    assert any(line.startswith("XT01") and "test.swap" in line for line in table)
    rows = json.loads(run("rules", "--format", "json").stdout)
    assert {"id": "XT02", "name": "test.exists", "severity": "info", "fix": "display-only", "languages": ["en"],
            "enabled": True, "summary": "Test existence pack."} in rows


def test_rule_explains_and_unknown_rule_fails(project):
    result = run("rule", "XT01")
    assert result.exit_code == 0
    assert result.stdout.startswith("# XT01 test.swap\n\nTest substitution pack.\n")
    assert "## Example\n\n> Please utilise the form.\n" in result.stdout
    assert run("rule", "test.exists").stdout.startswith("# XT02 test.exists")
    unknown = run("rule", "QQ01")
    assert unknown.exit_code == 2 and "unknown rule 'QQ01'" in unknown.stderr


def test_init_writes_a_valid_starter_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert (result.exit_code, result.stdout) == (0, "Wrote medlint.toml\n")
    (tmp_path / "a.txt").write_text("Hello there.", encoding="utf-8")
    assert run("check", "a.txt").exit_code == 0  # the starter config is valid
    again = run("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run("init", "--force").exit_code == 0


def test_usage_error_exit_code(project):
    assert run("check", "--format", "xml", "bad.txt").exit_code == 2


def test_progress_bar_only_in_a_terminal_and_not_in_ci(project, monkeypatch):
    for i in range(25):
        (project / f"doc{i:02d}.txt").write_text("Please use the form.", encoding="utf-8")
    assert "Checking" not in run("check", ".").stderr
    monkeypatch.setattr("medlint.cli._interactive", lambda: True)
    result = run("check", ".")
    assert "Checking" in result.stderr
    assert result.stdout.endswith("in 27 files checked.\n")


def test_interactive_is_false_under_ci(monkeypatch):
    from medlint.cli import _interactive

    monkeypatch.setenv("CI", "true")
    assert _interactive() is False


@pytest.mark.parametrize(
    "args, code",
    [(["check", "good.md"], 0), (["check", "--fail-on", "warning", "bad.txt"], 1), (["check", "nope.md"], 2),
     (["check", "--format", "xml", "bad.txt"], 2), (["--version"], 0)],
)
def test_console_entry_point_exit_codes(project, args, code):
    """The real entry point (``python -m medlint``), which exits without interpreter teardown."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "medlint", *args], capture_output=True, text=True, cwd=project)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
