"""The ``medlint`` command (Click). Thin: parsing options and printing; the work is in ``api``."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
from pathlib import Path
from typing import Any, Iterable

import click

from medlint import __version__, commands
from medlint.api import registry_for, run
from medlint.config import FAIL_ON, Config, ConfigError, ConfigFinder, check_language, load_config_file
from medlint.registry import RegistryError
from medlint.reporters import REPORTERS, write_report
from medlint.ruletypes import PackError

EXIT_USAGE = 2
_PROGRESS_MIN_FILES = 20


def _split(values: Iterable[str]) -> tuple[str, ...] | None:
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items or None


def _fail(message: str) -> None:
    click.echo(f"medlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _forced_config(path: str | None) -> Config | None:
    if path is None:
        return None
    config = load_config_file(path)
    if config is None:
        raise ConfigError(f"{path}: no [tool.medlint] table")
    return config


def _interactive() -> bool:
    return sys.stderr.isatty() and os.environ.get("CI", "").lower() not in ("1", "true", "yes")


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file for every file."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="medlint")
def main() -> None:
    """medlint: lint patient-facing health texts (plain text, Markdown, HTML)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--select", multiple=True, help="Only these rules or families (comma-separated, e.g. RD,DR01).")
@click.option("--extend-select", multiple=True, help="Add rules or families to the selection (e.g. GR).")
@click.option("--ignore", multiple=True, help="Skip these rules or families.")
@click.option("--lang", help="Language of the texts (en, es, de, fr, it, nl...).")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@config_option
def check(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: str | None, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], lang: str | None, stdin_filename: str | None,
          config_path: str | None) -> None:
    """Check files and folders (default: the current folder); '-' reads standard input."""
    overrides: dict[str, Any] = {
        "select": _split(select), "extend_select": _split(extend_select), "ignore": _split(ignore),
        "fail_on": fail_on, "language": lang,
    }
    try:
        if lang is not None:
            check_language(lang, "--lang")
        finder = ConfigFinder(forced=_forced_config(config_path))
        report = run(list(paths) or ["."], finder, overrides=overrides, stdin_filename=stdin_filename,
                     progress=_progress)
    except (ConfigError, PackError, RegistryError) as exc:
        _fail(str(exc))
        return
    for path, note in report.notes:
        click.echo(f"medlint: {path}: {note}", err=True)
    for note in report.run_notes:
        click.echo(f"medlint: note: {note}", err=True)
    for result in report.files:
        for note in result.notes:
            click.echo(f"medlint: {result.path}: note: {note}", err=True)
        for problem in result.problems:
            click.echo(f"medlint: {result.path}: error: {problem}", err=True)
    if output:
        with open(output, "w", encoding="utf-8", newline="\n") as out:
            write_report(report, fmt, out)
    else:
        write_report(report, fmt, sys.stdout, color=sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    sys.exit(report.exit_code())


def _progress(items: list[Any]) -> Iterable[Any]:
    """A progress bar on stderr for long runs in a terminal; nothing when piped or in CI."""
    if len(items) < _PROGRESS_MIN_FILES or not _interactive():
        yield from items
        return
    with click.progressbar(items, label="Checking", file=sys.stderr) as bar:
        yield from bar


def _registry_or_fail(config_path: str | None):
    try:
        config = _forced_config(config_path) or ConfigFinder().for_path(Path.cwd())
        return registry_for(config)
    except (ConfigError, PackError, RegistryError) as exc:
        _fail(str(exc))


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@config_option
def list_rules(fmt: str, config_path: str | None) -> None:
    """List every rule: id, name, default severity, fix safety, languages, summary."""
    registry = _registry_or_fail(config_path)
    rows = [
        {
            "id": r.id, "name": r.name, "severity": str(r.default_severity), "fix": str(r.applicability),
            "languages": list(r.languages) if r.languages else ["all"], "enabled": r.default_enabled,
            "summary": r.summary,
        }
        for r in registry
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = [["ID", "NAME", "SEVERITY", "FIX", "LANG", "SUMMARY"]] + [
        [r["id"], r["name"], r["severity"], r["fix"], ",".join(r["languages"]),
         r["summary"] + ("" if r["enabled"] else " (off by default)")]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(5)]
    for row in table:
        click.echo(" ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " " + row[5])


@main.command("rule")
@click.argument("rule_id")
@config_option
def explain_rule(rule_id: str, config_path: str | None) -> None:
    """Explain one rule: what it flags, why, an example and a better version, options, sources."""
    registry = _registry_or_fail(config_path)
    rule = registry.get(rule_id) or next(iter(r for r in registry if r.name == rule_id), None)
    if rule is None:
        _fail(f"unknown rule '{rule_id}' (see `medlint rules`)")
    click.echo(rule.explain(), nl=False)


STARTER_CONFIG = '''\
# medlint configuration. Documentation: `medlint rules`, `medlint rule ID`.
# Paths are relative to this file.

# Rules or families to check (RD readability, GB garbled rewording, GR grammar, SR sources, DR drugs).
# Leave it out to run every rule that is on by default.
# select = ["RD", "GB", "SR", "DR"]
# extend_select = ["GR"]          # add rules that are off by default (GR needs LanguageTool)
ignore = []

# Language of the texts: en, es, de, fr, it, nl ... (English-only rules are skipped for others).
language = "en"

# Lowest severity that makes `medlint check` exit with 1: error, warning, info or never.
fail_on = "error"

# Files to check inside folders, and folders or files to leave out.
include = ["*.txt", "*.md", "*.markdown", "*.html", "*.htm"]
exclude = [".git", "node_modules", ".venv", "build", "dist"]

# Extra folders of YAML rule packs, and your own drug reference lists.
packs = []
drug_lists = []

# Plain text has no comments, so switch rules off per file here.
[per_file_ignores]
# "legal/*.txt" = ["RD"]

# Per-rule severity and options, e.g.:
# [rules.RD03]
# severity = "info"
# ignore = ["abdomen"]
'''


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing medlint.toml.")
def init(force: bool) -> None:
    """Write a commented starter medlint.toml in the current folder."""
    target = Path("medlint.toml")
    if target.exists() and not force:
        _fail("medlint.toml already exists (use --force to overwrite it)")
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"Wrote {target}")


def entry() -> None:
    """The console script: run ``main``, then exit at once.

    A run holds large lookup tables (drug index, lexicons); letting the interpreter free them one
    by one at exit costs almost half a second on a one-file check, so output is flushed and the
    process ends without that teardown (mypy exits the same way).
    """
    try:
        main()
        code: int = 0
    except SystemExit as exc:
        if isinstance(exc.code, str):
            click.echo(exc.code, err=True)
            code = 1
        else:
            code = exc.code or 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # the reader went away (`medlint check | head`): nothing left to tell it
            pass
    os._exit(code)


def _add_subcommands() -> None:
    for module in pkgutil.iter_modules(commands.__path__, commands.__name__ + "."):
        main.add_command(importlib.import_module(module.name).command)


_add_subcommands()
