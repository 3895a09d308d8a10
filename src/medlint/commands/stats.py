"""``medlint stats PATH...``: readability figures per file (and per section), as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import click

from medlint.config import ConfigError, ConfigFinder, load_config_file
from medlint.inputs import InputError, discover, read_file
from medlint.parsers import parse
from medlint.readability import languages, scoring

_COLUMNS = (
    ("words", "WORDS"), ("sentences", "SENT"), ("average_sentence_length", "W/SENT"),
    ("polysyllable_share", "3+SYL"), ("grade", "GRADE"),
)


def _row(path: str, heading: str | None, figures: dict[str, Any]) -> dict[str, Any]:
    return {"path": path, "section": heading, **figures}


@click.command("stats")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="Output format.")
@click.option("--sections", is_flag=True, help="Also show one row per section (heading to heading).")
@click.option("--lang", help="Language of the texts (en, es, de, fr, it, nl); default: from the config.")
@click.option("--formula", type=click.Choice(["auto", *languages.FORMULAS]), default="auto", show_default=True,
              help="Formula behind the GRADE column (auto: SMOG for English, the language's own otherwise).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file for every file.")
def command(paths: tuple[str, ...], fmt: str, sections: bool, lang: str | None, formula: str,
            config_path: str | None) -> None:
    """Readability figures (Flesch, Flesch-Kincaid, SMOG, Fog, Coleman-Liau, Dale-Chall...) per file."""
    try:
        forced = load_config_file(config_path) if config_path else None
        found = discover(list(paths) or ["."], ConfigFinder(forced=forced))
    except ConfigError as exc:
        click.echo(f"medlint: error: {exc}", err=True)
        sys.exit(2)
    for path, note in found.notes:
        click.echo(f"medlint: {path}: {note}", err=True)
    failed = bool(found.errors)
    for path, reason in found.errors:
        click.echo(f"medlint: {path}: error: {reason}", err=True)
    rows: list[dict[str, Any]] = []
    for target in found.targets:
        language = lang or target.config.language
        try:
            text, _ = read_file(target.path, target.config)
        except InputError as exc:
            click.echo(f"medlint: {target.path}: error: {exc}", err=True)
            failed = True
            continue
        doc = parse(text, target.format, str(target.path))
        result = scoring.readability(doc, language)
        chosen = formula if formula in languages.formulas_for(language) else languages.formulas_for(language)[0]
        metrics = scoring.as_metrics(result, chosen, None)
        rows.append(_row(str(target.path), None, {"language": result.language, "formula": chosen, **metrics["document"]}))
        if sections:
            for s in metrics["sections"]:
                figures = {k: v for k, v in s.items() if k != "heading"}
                rows.append(_row(str(target.path), s["heading"], {"language": result.language, "formula": chosen, **figures}))
    _print(rows, fmt)
    sys.exit(2 if failed or not rows else 0)


def _print(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    scores = [k for k in keys if k not in {"path", "section", "language", "formula", "syllables", "grade",
                                           *(c for c, _ in _COLUMNS)}]
    header = ["FILE"] + [h for _, h in _COLUMNS] + [_SHORT.get(k, k.upper()) for k in scores]
    table = [header]
    for row in rows:
        name = row["path"] if row["section"] is None else "  § " + row["section"][:40]
        table.append([name] + [_cell(row.get(c)) for c, _ in _COLUMNS] + [_cell(row.get(k)) for k in scores])
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        click.echo("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))).rstrip())
    if rows:
        first = rows[0]
        click.echo(f"\nGRADE: {languages.label(first['formula'], first['language'])} as a school grade; "
                   "3+SYL: share of words of three or more syllables.")


_SHORT = {
    "flesch_reading_ease": "FRE", "flesch_kincaid_grade": "FK", "smog": "SMOG", "gunning_fog": "FOG",
    "coleman_liau": "CLI", "dale_chall": "DC", "fernandez_huerta": "F-H", "szigriszt_pazos": "S-P",
    "wiener_sachtextformel": "WSTF", "gulpease": "GULP",
}


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 1 else f"{value:.1f}"
    return str(value)
