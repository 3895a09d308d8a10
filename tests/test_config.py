"""Config files: discovery by walking up, validation errors that name file and key, and effects."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint import lint_paths
from medlint.config import ConfigError, ConfigFinder, load_config_file

from conftest import TEST_PACKS


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "medlint.toml", 'fail_on = "warning"\n')
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "a" / "b" / "pyproject.toml", '[tool.medlint]\nfail_on = "info"\n')
    finder = ConfigFinder()
    assert finder.for_path(tmp_path / "a" / "doc.md").fail_on == "warning"
    assert finder.for_path(tmp_path / "a" / "b" / "doc.md").fail_on == "info"
    assert finder.for_path(tmp_path / "a" / "b" / "doc.md").source == str(tmp_path / "a" / "b" / "pyproject.toml")


def test_paths_in_config_are_relative_to_the_config_file(tmp_path):
    config = load_config_file(write(tmp_path / "sub" / ".medlint.toml", 'packs = ["../packs"]\n'))
    assert config.packs == ((tmp_path / "packs").resolve(),)


@pytest.mark.parametrize(
    "text, message",
    [
        ("colour = 'red'\n", "unknown key 'colour' (allowed: select, "),
        ("fail_on = 'sometimes'\n", "'fail_on' must be one of error, warning, info, never (got 'sometimes')"),
        ("select = 'RD'\n", "'select' must be a list of rule ids or family prefixes"),
        ("language = 'English'\n", "'language' must be a language code such as en, es, de (got 'English')"),
        ("max_file_size_mb = -1\n", "'max_file_size_mb' must be a positive number (got -1)"),
        ("encoding_fallback = 'latin9'\n", "'encoding_fallback' must be one of cp1252, none (got 'latin9')"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_invalid_config_names_file_and_key(tmp_path, text, message):
    path = write(tmp_path / "medlint.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config_file(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    "text, message",
    [
        ("select = ['QQ']\n", "unknown rule or family 'QQ' in 'select' (families: RD, GB, GR, SR, DR;"),
        ("ignore = ['XT99']\n", "unknown rule or family 'XT99' in 'ignore'"),
        ("[rules.QQ01]\nseverity = 'error'\n", "unknown rule 'QQ01' in [rules.QQ01]"),
        ("[rules.XT01]\nseverity = 'fatal'\n", "'rules.XT01.severity' must be one of error, warning, info (got 'fatal')"),
        ("[rules.XT01]\nmax_words = 3\n", "unknown option 'max_words' for rule XT01 (allowed: severity, ignore)"),
        ("[rules.XT01]\nignore = 'utilise'\n", "'rules.XT01.ignore' must be a list (got 'utilise')"),
    ],
)
def test_rule_settings_are_checked_against_the_registry(tmp_path, text, message):
    write(tmp_path / "medlint.toml", f'packs = ["{TEST_PACKS.as_posix()}"]\n' + text)
    write(tmp_path / "doc.txt", "Hello.")
    with pytest.raises(ConfigError) as error:
        lint_paths([tmp_path / "doc.txt"])
    assert message in str(error.value)
    assert str(tmp_path / "medlint.toml") in str(error.value)


def test_severity_override_and_select_ignore(tmp_path):
    write(tmp_path / "medlint.toml", f'packs = ["{TEST_PACKS.as_posix()}"]\nselect = ["XT"]\nignore = ["XT02"]\n'
                                     '[rules.XT01]\nseverity = "error"\n')
    write(tmp_path / "doc.txt", "Utilise a detox.")
    report = lint_paths([tmp_path / "doc.txt"])
    assert [(f.rule, str(f.severity)) for f in report.findings] == [("XT01", "error")]
    assert report.exit_code() == 1


def test_rules_off_by_default_need_an_explicit_selection(tmp_path):
    pack = (TEST_PACKS / "XT02-test-exists.yaml").read_text(encoding="utf-8")
    write(tmp_path / "packs" / "XT03.yaml", pack.replace("XT02", "XT03").replace("test.exists", "test.off") + "enabled: false\n")
    base = f'packs = ["{(tmp_path / "packs").as_posix()}"]\n'
    write(tmp_path / "doc.txt", "A detox.")
    write(tmp_path / "medlint.toml", base)

    def xt_rules() -> list[str]:
        return [f.rule for f in lint_paths([tmp_path / "doc.txt"]).findings if f.rule.startswith("XT")]

    assert xt_rules() == []
    write(tmp_path / "medlint.toml", base + 'select = ["ALL"]\n')
    assert xt_rules() == []
    write(tmp_path / "medlint.toml", base + 'extend_select = ["XT03"]\n')
    assert xt_rules() == ["XT03"]
