"""``medlint drugs import`` and ``medlint drugs lookup``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from medlint.cli import main
from medlint.druglist import load_drug_list

DATA = Path(__file__).parent / "data" / "druglist"
DRUGS = Path(__file__).parent / "data" / "drugs"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_import_rxnorm_with_rxnrel(tmp_path: Path) -> None:
    out = tmp_path / "rx.csv"
    result = run("drugs", "import", "--from", "rxnorm", str(DATA / "RXNCONSO.RRF"), "--rxnrel", str(DATA / "RXNREL.RRF"), "-o", str(out))
    assert result.exit_code == 0, result.output
    drugs = load_drug_list(out)
    assert drugs.by_name("Revlimid").generic == "lenalidomide"
    assert "medicines" in result.output


def test_import_rxnorm_without_rxnrel(tmp_path: Path) -> None:
    out = tmp_path / "rx.csv"
    result = run("drugs", "import", "--from", "rxnorm", str(DATA / "RXNCONSO.RRF"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert load_drug_list(out).by_name("Revlimid").generic == "lenalidomide"


def test_import_drugsatfda(tmp_path: Path) -> None:
    out = tmp_path / "fda.csv"
    result = run("drugs", "import", "--from", "drugsatfda", str(DATA / "Products.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert load_drug_list(out).by_name("Revlimid").generic == "lenalidomide"


def test_imported_list_works_as_a_drug_list(tmp_path: Path) -> None:
    out = tmp_path / "fda.csv"
    run("drugs", "import", "--from", "drugsatfda", str(DATA / "Products.txt"), "-o", str(out))
    doc = tmp_path / "leaflet.txt"
    doc.write_text("Take lenalidomide (Revlimid) daily.\n", encoding="utf-8")
    (tmp_path / "medlint.toml").write_text(f'drug_lists = ["{out.name}"]\nselect = ["DR"]\n', encoding="utf-8")
    result = run("check", str(doc))
    assert result.exit_code == 0, result.output


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = run("drugs", "import", "--from", "rxnorm", str(tmp_path / "nope.RRF"), "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert "nope.RRF: file not found" in result.output
    assert "Traceback" not in result.output


def test_wrong_format_exit_2(tmp_path: Path) -> None:
    result = run("drugs", "import", "--from", "drugsatfda", str(DATA / "RXNCONSO.RRF"), "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert "RXNCONSO.RRF" in result.output and "Products.txt" in result.output
    result = run("drugs", "import", "--from", "rxnorm", str(DRUGS / "house.csv"), "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert "house.csv" in result.output and "RXNCONSO" in result.output
    assert not (tmp_path / "x.csv").exists()


def test_rxnrel_only_with_rxnorm(tmp_path: Path) -> None:
    result = run("drugs", "import", "--from", "drugsatfda", str(DATA / "Products.txt"), "--rxnrel", str(DATA / "RXNREL.RRF"), "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 2 and "--rxnrel" in result.output


def test_unwritable_output(tmp_path: Path) -> None:
    result = run("drugs", "import", "--from", "drugsatfda", str(DATA / "Products.txt"), "-o", str(tmp_path / "no" / "x.csv"))
    assert result.exit_code == 2 and "cannot write" in result.output


def test_lookup() -> None:
    result = run("drugs", "lookup", "Velcade", "Vioxx")
    assert result.exit_code == 0, result.output
    assert "Velcade: brand of bortezomib" in result.output
    assert "status: withdrawn 2004-09" in result.output
    result = run("drugs", "lookup", "lenalidamide")
    assert result.exit_code == 1 and "did you mean lenalidomide" in result.output


def test_lookup_with_extra_list() -> None:
    result = run("drugs", "lookup", "--list", str(DRUGS / "house.csv"), "Zapotix")
    assert result.exit_code == 0 and "brand of zapotinib" in result.output
    result = run("drugs", "lookup", "--list", str(DRUGS / "broken.csv"), "Zapotix")
    assert result.exit_code == 2 and "broken.csv:2" in result.output
