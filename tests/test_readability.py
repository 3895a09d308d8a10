"""RD family: scores agree with textstat, per-language formulas, text preparation, offline use."""

from __future__ import annotations

import socket

import pytest
import textstat

from medlint import lint_text
from medlint.parsers import parse
from medlint.readability import languages, scoring

PLAIN_EN = (
    "The doctor will check your heart and lungs at each visit. You should take the tablets every "
    "morning with a glass of water. If you feel dizzy or unwell, stop taking them and call your nurse. "
    "Most people find that the side effects pass within a few weeks. Keep the medicine in a cool, dry "
    "place away from children."
)
TECHNICAL_EN = (
    "Subsequent to the administration of immunomodulatory medications, individuals may experience "
    "considerable exacerbation of pre-existing gastrointestinal symptomatology. Pharmacological "
    "intervention necessitates comprehensive evaluation of haematological parameters, including "
    "differential leukocyte enumeration. Concomitant corticosteroid therapy occasionally precipitates "
    "hyperglycaemia, particularly in diabetic individuals."
)
TEXTS = {
    "es": (
        "Tome una pastilla al día. Beba mucha agua. Llame a su médico si se siente mal. Descanse cuando esté cansado.",
        "La administración concomitante de inmunomoduladores puede ocasionar una exacerbación considerable de la "
        "sintomatología gastrointestinal preexistente. La intervención farmacológica requiere una evaluación "
        "exhaustiva de los parámetros hematológicos.",
    ),
    "de": (
        "Nehmen Sie jeden Tag eine Tablette. Trinken Sie viel Wasser. Rufen Sie uns an, wenn es Ihnen schlecht geht.",
        "Die gleichzeitige Verabreichung immunmodulatorischer Arzneimittel kann eine erhebliche Verschlechterung "
        "vorbestehender gastrointestinaler Beschwerden verursachen. Die pharmakologische Behandlung erfordert eine "
        "umfassende Überprüfung hämatologischer Laborparameter.",
    ),
    "fr": (
        "Prenez un comprimé par jour. Buvez beaucoup d'eau. Appelez-nous si vous ne vous sentez pas bien.",
        "L'administration concomitante de médicaments immunomodulateurs peut provoquer une exacerbation considérable "
        "de la symptomatologie gastro-intestinale préexistante. L'intervention pharmacologique nécessite une "
        "évaluation approfondie des paramètres hématologiques.",
    ),
    "it": (
        "Prenda una pillola al giorno. Beva molta acqua. Ci chiami se non si sente bene.",
        "La somministrazione concomitante di farmaci immunomodulatori può determinare una considerevole "
        "esacerbazione della sintomatologia gastrointestinale preesistente. L'intervento farmacologico richiede "
        "una valutazione approfondita dei parametri ematologici.",
    ),
    "nl": (
        "Neem elke dag een pil. Drink veel water. Bel ons als u zich niet goed voelt.",
        "De gelijktijdige toediening van immunomodulerende geneesmiddelen kan een aanzienlijke verergering van "
        "bestaande gastro-intestinale symptomatologie veroorzaken. Farmacologische behandeling vereist een "
        "uitgebreide evaluatie van hematologische laboratoriumparameters.",
    ),
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The whole RD family must work with the network cut off."""

    def refuse(*args, **kwargs):
        raise OSError("network access is not allowed in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _grade(text: str, lang: str = "en", fmt: str = "text") -> float:
    doc = parse(text, fmt)
    result = scoring.readability(doc, lang)
    return result.grade(languages.formulas_for(lang)[0])


@pytest.mark.parametrize("text", [PLAIN_EN, TECHNICAL_EN])
def test_scores_agree_with_textstat_on_plain_prose(text: str) -> None:
    textstat.set_lang("en_US")
    _, scores = scoring.score_text(text)
    assert scores["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text), abs=0.01)
    assert scores["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.01)
    assert scores["smog"] == pytest.approx(textstat.smog_index(text), abs=0.01)
    assert scores["gunning_fog"] == pytest.approx(textstat.gunning_fog(text), abs=0.01)
    assert scores["coleman_liau"] == pytest.approx(textstat.coleman_liau_index(text), abs=0.01)
    assert scores["dale_chall"] == pytest.approx(textstat.dale_chall_readability_score(text), abs=0.01)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_other_languages_agree_with_textstat(lang: str) -> None:
    text = TEXTS[lang][1]
    textstat.set_lang(lang)
    try:
        _, scores = scoring.score_text(text, lang)
        assert scores["flesch_reading_ease" if lang != "es" else "fernandez_huerta"] == pytest.approx(
            textstat.flesch_reading_ease(text) if lang != "es" else textstat.fernandez_huerta(text), abs=0.01)
        if lang == "de":
            assert scores["wiener_sachtextformel"] == pytest.approx(textstat.wiener_sachtextformel(text, 1), abs=0.01)
        if lang == "it":
            assert scores["gulpease"] == pytest.approx(textstat.gulpease_index(text), abs=0.01)
        if lang == "es":
            assert scores["szigriszt_pazos"] == pytest.approx(textstat.szigriszt_pazos(text), abs=0.01)
    finally:
        textstat.set_lang("en_US")


def test_english_plain_and_technical_grades() -> None:
    assert _grade(PLAIN_EN) < 8
    assert _grade(TECHNICAL_EN) > 14


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_plain_and_technical_text_per_language(lang: str) -> None:
    plain, technical = TEXTS[lang]
    assert _grade(plain, lang) < 8 < _grade(technical, lang)
    findings = lint_text(technical, config={"select": ["RD01"], "language": lang})
    assert [f.rule for f in findings] == ["RD01"]
    assert not lint_text(plain, config={"select": ["RD01"], "language": lang})


def test_english_only_rules_skipped_for_other_languages() -> None:
    text = "Your PCP will be informed. " * 3
    assert lint_text(text, config={"select": ["RD04", "RD05"], "language": "de"}) == []
    assert {f.rule for f in lint_text(text, config={"select": ["RD04", "RD05"]})} == {"RD04", "RD05"}


def test_bullet_list_is_not_one_sentence_and_headings_are_not_scored() -> None:
    text = "# Signs to look out for\n\nCall us if you have:\n\n- a high temperature\n- a cough that will not stop\n- pain when you pee\n"
    doc = parse(text, "markdown")
    result = scoring.readability(doc, "en")
    assert result.counts.sentences == 4
    assert result.counts.words == 5 + 3 + 6 + 4


def test_abbreviations_with_full_stops_do_not_end_sentences() -> None:
    counts, _ = scoring.score_text("See Dr. Patel at the clinic, e.g. on Monday morning.")
    assert counts.sentences == 1


def test_references_section_is_left_out() -> None:
    text = "Take your tablets every day.\n\n## References\n\n- Smith J. Patient leaflets. J Health Commun. 2019;24:101-9.\n"
    result = scoring.readability(parse(text, "markdown"), "en")
    assert result.counts.sentences == 1


def test_metrics_in_json_document_and_sections() -> None:
    from medlint.api import linter_for
    from medlint.config import Config

    text = "# One\n\nTake one tablet each day with water.\n\n# Two\n\nCall your nurse if you feel unwell at home.\n"
    config = Config(select=("RD",))
    result = linter_for(config).lint(parse(text, "markdown"), config)
    metrics = result.metrics["readability"]
    assert metrics["grade_formula"] == "smog"
    assert metrics["document"]["sentences"] == 2
    assert [s["heading"] for s in metrics["sections"]] == ["One", "Two"]
    assert {"flesch_reading_ease", "flesch_kincaid_grade", "smog", "gunning_fog", "coleman_liau", "dale_chall",
            "average_sentence_length", "polysyllable_share", "words"} <= set(metrics["document"])


def test_scores_computed_once_per_document(monkeypatch) -> None:
    calls = []
    original = scoring._score

    def counting(doc, lang):
        calls.append(lang)
        return original(doc, lang)

    monkeypatch.setattr(scoring, "_score", counting)
    from medlint.api import linter_for
    from medlint.config import Config

    config = Config(select=("RD",))
    linter_for(config).lint(parse(TECHNICAL_EN, "text"), config)
    assert calls == ["en"]


def test_textstat_never_downloads(monkeypatch) -> None:
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download called")

    monkeypatch.setattr(nltk, "download", no_download)
    assert scoring.syllables("hypertension", "en") == 4
    assert textstat.syllable_count("gastroenterology") > 4
