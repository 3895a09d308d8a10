"""GB family internals: shipped synonym tables, the swap lexicon, context rules, the spin score."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from medlint import lint_text
from medlint.garble.lexicon import FAR, NEAR, SPINNER, load_lexicon, split_words
from medlint.resources import data_file

ROOT = Path(__file__).resolve().parents[1]
GB = {"select": ["GB"]}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_wordnet_table_is_small_and_carries_the_notice() -> None:
    path = data_file("lists", "wordnet-synonyms.tsv")
    assert path.stat().st_size < 2_000_000
    head = path.read_text(encoding="utf-8")[:3000]
    assert "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in head
    assert "scripts/build_synonyms.py" in head
    licence = data_file("lists", "wordnet.LICENSE").read_text(encoding="utf-8")
    assert "Permission to use, copy, modify and distribute" in licence


def test_every_spinner_line_is_well_formed() -> None:
    for number, line in enumerate(data_file("lists", "spinner-synonyms.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        word, tab, swaps = line.partition("\t")
        assert tab and word == word.strip().lower() and swaps.strip(), f"line {number}: {line!r}"


def test_lexicon_strengths(lexicon) -> None:
    cancer = lexicon.alternatives("cancer")
    assert cancer[("malignancy",)] == SPINNER
    assert cancer[("malignant", "growth")] == SPINNER
    assert lexicon.alternatives("breast")[("bosom",)] >= NEAR
    # plainness is judged per phrase: "intense pain" is ordinary, though acute -> intense is a swap
    assert split_words("intense pain") in lexicon.ordinary
    # plural term words use the singular's spinner swaps
    assert lexicon.alternatives("effects")[("impacts",)] == SPINNER
    # inflections of the word itself are not swaps
    assert ("feel",) not in lexicon.alternatives("feeling")


def test_plural_terms_are_matched(lexicon) -> None:
    assert split_words("high doses") in lexicon.term_keys


@pytest.mark.parametrize(
    "text",
    [
        "Numerous studies have looked at this.",
        "Take a portion of the dose with food.",
        "Stem cells are undifferentiated cells.",
        "A malignant growth was found.",
        "The strain on your heart is lower after rest.",
        "A persistent cough should always be checked by a doctor.",
        "Take the tablets with a glass of water.",
    ],
)
def test_traps_stay_clean(text) -> None:
    assert lint_text(text, config=GB) == []


def test_suggestion_keeps_capital_and_number() -> None:
    findings = lint_text("Bosom malignancies are rare in men.", config={"select": ["GB02"]})
    assert [f.suggestions for f in findings] == [("Breast cancers",)]


def test_term_elsewhere_in_document_is_context() -> None:
    # a broad swap that puts in a common word of the terms ("ulcer") is not evidence alone
    alone = "A blood ulcer can form when skin is pinched."
    assert lint_text(alone, config={"select": ["GB02"]}) == []
    with_term = "Pop a blood blister only if a nurse says so.\n\nA blood ulcer can form when skin is pinched."
    assert [f.match for f in lint_text(with_term, config={"select": ["GB02"]})] == ["blood ulcer"]


def test_inside_a_verbatim_term_is_not_a_swap() -> None:
    # "marrow biopsy" lines up with "core biopsy" (WordNet: marrow ~ core), but it is part of a real term
    text = "You may need a bone marrow biopsy. A core biopsy takes a small sample."
    assert lint_text(text, config={"select": ["GB02"]}) == []


def test_spin_score_in_metrics() -> None:
    from medlint.api import linter_for
    from medlint.config import Config
    from medlint.parsers import parse

    spun = (
        "At the point when your circulatory strain is high, you may get chest torment. Or on the other hand "
        "you may have brevity of breath, keeping in mind that you rest. Your doctor may likewise check your "
        "blood example for kidney disappointment."
    )
    clean = "When your blood pressure is high, you may get chest pain. Your doctor may also check a blood sample."
    config = Config(select=("GB",))
    scores = {}
    for name, text in (("spun", spun), ("clean", clean)):
        result = linter_for(config).lint(parse(text), config)
        spin = result.metrics["spin"]
        assert 0.0 <= spin["score"] <= 1.0
        scores[name] = spin["score"]
        assert [f.rule for f in result.findings if f.rule == "GB03"] == (["GB03"] if name == "spun" else [])
    assert scores["spun"] > 0.5 > scores["clean"]


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_synonyms", ROOT / "scripts" / "build_synonyms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_on_a_tiny_wordnet(tmp_path) -> None:
    wn = tmp_path / "wordnet"
    wn.mkdir()
    # offset lex_filenum pos w_cnt (word lex_id)* p_cnt (sym offset pos src/tgt)* | gloss
    (wn / "data.noun").write_text(
        "  1 header line\n"
        "00000100 08 n 02 breast 0 bosom 0 001 @ 00000200 n 0000 | front of the chest\n"
        "00000200 08 n 01 chest 0 000 | part of the body\n"
        "00000300 26 n 02 cancer 0 malignancy 0 000 | a disease\n",
        encoding="latin-1",
    )
    for name in ("verb", "adj", "adv"):
        (wn / f"data.{name}").write_text("", encoding="latin-1")
    (wn / "noun.exc").write_text("", encoding="latin-1")
    terms = tmp_path / "terms.txt"
    terms.write_text("# comment\nbreast cancer\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert _load_builder().main(["--wordnet", str(wn), "--terms", str(terms), "--out", str(out)]) == 0
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in out.read_text().splitlines() if not line.startswith("#")}
    assert rows["breast"][0] == "bosom" and "chest" in rows["breast"][1]
    assert rows["cancer"][0] == "malignancy"
    assert "WordNet 3.0 Copyright 2006" in out.read_text()


def test_align_entry_finds_word_swaps() -> None:
    from medlint.garble.lexicon import align_entry

    assert align_entry("kidney disappointment", "kidney failure") == [("failure", ("disappointment",))]
    assert align_entry("circulatory strain", "blood pressure") == [
        ("blood", ("circulatory",)),
        ("pressure", ("strain",)),
    ]
    assert align_entry("bladder malignant growth", "bladder cancer") == [("cancer", ("malignant", "growth"))]
    assert align_entry("exercise based recuperation", "physical therapy") == []  # 3 words for 2
    # "signs" moved from first to last place: symptoms -> signs is not a swap, signs -> indications is
    assert align_entry("indications and signs", "signs and symptoms") == [("signs", ("indications",))]
    assert align_entry("anti-conception pill", "birth control pill") == []  # hyphen put in


def test_learn_swaps_strengths_and_plurals() -> None:
    from medlint.garble.lexicon import learn_swaps

    table = learn_swaps([("asthma assaults", "asthma attacks"), ("addison's infection", "Addison's disease")], frozenset({"infection"}))
    assert table["attack"] == [(("assault",), SPINNER)]  # stored under the singular
    assert table["disease"] == [(("infection",), FAR)]  # a medical word in its own right: weak
    plain = learn_swaps([("intense pain", "acute pain")], plain=lambda word, variant: variant == ("intense",))
    assert plain["acute"] == [(("intense",), FAR)]


def test_lexicon_learns_from_gb01_pack(lexicon) -> None:
    from medlint.garble.lexicon import build_lexicon, read_spinner

    hand = read_spinner(data_file("lists", "spinner-synonyms.tsv"))
    assert ("antagonistic",) not in {v for v, _ in hand.get("adverse", [])}
    assert lexicon.alternatives("adverse")[("antagonistic",)] == SPINNER
    assert lexicon.alternatives("appendix")[("addendum",)] == SPINNER
    assert split_words("arm pain") in lexicon.term_keys  # a pack original is a fixed term too
    # the curated table wins over a learned swap (learned: weak, plain English by word frequency)
    assert lexicon.alternatives("chronic")[("persistent",)] == SPINNER
    # without the pack (what eval_garble.py's split starts from) nothing is learned
    bare = build_lexicon(pack=[])
    assert bare.alternatives("adverse").get(("antagonistic",), 0) < SPINNER  # at most the broad thesaurus's
    assert split_words("arm pain") not in bare.term_keys


def test_weak_learned_swap_does_not_weaken_a_table_swap() -> None:
    from medlint.garble.lexicon import BROAD, Lexicon

    learned_weak = {"pain": [(("ache",), FAR)]}
    broad = {"pain": [(("ache",), BROAD), (("agony",), BROAD)]}
    lexicon = Lexicon(["back pain"], learned_weak, {}, broad=broad)
    assert lexicon.alternatives("pain")[("ache",)] == BROAD
    curated = Lexicon(["back pain"], {"pain": [(("ache",), SPINNER)]}, {}, broad=broad)
    assert curated.alternatives("pain")[("ache",)] == SPINNER


@pytest.mark.parametrize(
    "text",
    [
        "A stool sample can show if you have a bowel infection.",
        "Sudden, intense pain in your chest needs help at once.",
        "Emotional wellbeing matters as much as physical health.",
        "Some people have chest aches after exercise.",
        "There is a nearby pharmacy open late.",
    ],
)
def test_learned_swaps_leave_plain_english_alone(text) -> None:
    assert lint_text(text, config=GB) == []


def test_longer_term_around_a_gb01_match_is_reported_by_gb02() -> None:
    # GB01's pack knows "urinary plot" (urinary tract); GB02 sees the whole three-word term
    text = "You may have a urinary plot contamination."
    found = {(f.rule, f.match, f.suggestions) for f in lint_text(text, config=GB)}
    assert ("GB02", "urinary plot contamination", ("urinary tract infection",)) in found


def test_gb02_still_defers_to_gb01_on_the_same_span() -> None:
    found = [f for f in lint_text("Your doctor may suggest a hip substitution.", config=GB)]
    assert [(f.rule, f.match) for f in found] == [("GB01", "hip substitution")]


def test_multi_word_swap_of_a_first_word_is_indexed_by_its_second_word(lexicon) -> None:
    # "malignant growth" for cancer, first in "cancer pain": after "malignant" comes "growth", not "pain"
    term_id = lexicon.term_keys[("cancer", "pain")]
    assert term_id in lexicon.starting_at("malignant", "growth")
    assert term_id in lexicon.pairs[("malignant", "growth")]  # found by the pair, not by "growth" alone
    assert lint_text("A prostate malignant growth was found early.", config=GB)
