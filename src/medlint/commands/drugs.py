"""``medlint drugs``: build a drug reference list from RxNorm or Drugs@FDA, and look names up."""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_USAGE = 2


def _fail(message: str) -> None:
    click.echo(f"medlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(name="drugs")
def command() -> None:
    """Drug reference lists: import them from public sources, look names up."""


@command.command(name="import")
@click.option("--from", "source", type=click.Choice(["rxnorm", "drugsatfda"]), required=True,
              help="Format of SOURCE: RxNorm RXNCONSO.RRF, or Drugs@FDA Products.txt.")
@click.argument("source_file", metavar="SOURCE", type=click.Path(dir_okay=False))
@click.option("--rxnrel", type=click.Path(dir_okay=False),
              help="RxNorm RXNREL.RRF, to link brands to ingredients (--from rxnorm only).")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="The drug list CSV file to write.")
def import_list(source: str, source_file: str, rxnrel: str | None, output: str) -> None:
    """Write a medlint drug list (CSV) built from SOURCE.

    \b
    medlint drugs import --from rxnorm RXNCONSO.RRF --rxnrel RXNREL.RRF -o rxnorm.csv
    medlint drugs import --from drugsatfda Products.txt -o fda.csv

    Point the `drug_lists` config key at the result to use it with the default list.
    """
    from medlint.druglist import import_drugsatfda_products, import_rxnconso, write_drug_list

    if rxnrel and source != "rxnorm":
        _fail("--rxnrel is only for --from rxnorm")
    for path in (source_file, rxnrel):
        if path is not None and not Path(path).is_file():
            _fail(f"{path}: file not found")
    try:
        if source == "rxnorm":
            drugs = import_rxnconso(source_file, rxnrel)
        else:
            drugs = import_drugsatfda_products(source_file)
    except UnicodeDecodeError as exc:
        _fail(f"{source_file}: cannot decode ({exc.reason} at byte {exc.start}); is it the right file?")
    except (ValueError, OSError, KeyError) as exc:
        message = str(exc)
        if source_file not in message and (rxnrel is None or rxnrel not in message):
            message = f"{source_file}: {message}"
        _fail(message)
    if len(drugs) == 0:
        _fail(f"{source_file}: no medicines found; is it a {'RXNCONSO.RRF' if source == 'rxnorm' else 'Products.txt'} file?")
    try:
        write_drug_list(drugs, output)
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror or exc}")
    brands = sum(len(m.brands) for m in drugs)
    click.echo(f"wrote {output}: {len(drugs):,} medicines, {brands:,} brand names", err=True)


@command.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--list", "lists", multiple=True, type=click.Path(dir_okay=False),
              help="Extra drug list merged over the default (repeatable).")
def lookup(names: tuple[str, ...], lists: tuple[str, ...]) -> None:
    """Show what the reference list knows about NAMES (generic, brand or synonym)."""
    from medlint.druglist import DrugListError, default_list_path
    from medlint.drugs.matcher import load_index

    try:
        index = load_index([default_list_path(), *lists])
    except DrugListError as exc:
        _fail(str(exc))
    missing = False
    for name in names:
        meds = index.medicines(name)
        if not meds:
            near = index.suggest(name)
            hint = f" (did you mean {', '.join(near)}?)" if near else ""
            click.echo(f"{name}: not in the list{hint}")
            missing = True
            continue
        for med in meds:
            kind = "generic" if med.generic == name.lower() else ("synonym" if name.lower() in med.synonyms else "brand")
            click.echo(f"{name}: {kind} of {med.generic}")
            if med.brands:
                click.echo(f"  brands: {', '.join(str(b) for b in med.brands)}")
            if med.synonyms:
                click.echo(f"  synonyms: {', '.join(med.synonyms)}")
            if med.tall_man:
                click.echo(f"  Tall Man: {med.tall_man}")
            if med.status:
                where = f" ({med.status_region})" if med.status_region else ""
                click.echo(f"  status: {med.status} {med.status_date}{where}".rstrip())
    sys.exit(1 if missing else 0)
