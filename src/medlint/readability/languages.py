"""Readability formulas per language, and how each one's score maps to a school grade.

Every formula is textstat's (same constants, same counting of words and syllables), computed from
counts that ``scoring`` adds up once per section, so a document is never re-scored per rule.

Languages and their formulas (the first one is the default grade formula):

- ``en``: SMOG (McLaughlin 1969; the usual formula for health materials), Flesch-Kincaid grade,
  Flesch Reading Ease, Gunning Fog, Coleman-Liau, Dale-Chall (textstat's approximation).
- ``es``: Fernández-Huerta (1959) reading ease, Szigriszt-Pazos (1992) perspicuity (INFLESZ scale).
- ``de``: Wiener Sachtextformel (Bamberger & Vanecek 1984, first variant; gives a school grade),
  Flesch Reading Ease with Amstad's (1978) German constants.
- ``fr``: Flesch Reading Ease with Kandel & Moles' (1958) French constants.
- ``it``: Gulpease index (Lucisano & Piemontese 1988), Flesch-Vacca (1972) reading ease.
- ``nl``: Flesch-Douma (1960) reading ease.

Ease scores (0-100, higher is easier) are turned into a grade with Flesch's own table (90-100:
grade 5, 80-90: 6, 70-80: 7, 60-70: 8-9, 50-60: 10-12, 30-50: college, 0-30: graduate),
interpolated linearly; Fernández-Huerta, Amstad, Kandel-Moles, Vacca and Douma kept Flesch's
scale. Gulpease uses its authors' bands (80: end of primary school, 60: end of middle school,
40: end of secondary school); Szigriszt-Pazos the INFLESZ bands (Barrio-Cantalejo et al. 2008);
Dale-Chall its published grade table.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from textstat.backend.utils.constants import LANG_CONFIGS

if TYPE_CHECKING:
    from medlint.readability.scoring import Counts

LANGUAGES = ("en", "es", "de", "fr", "it", "nl")


def _cfg(lang: str, key: str) -> float:
    return LANG_CONFIGS.get(lang, {}).get(key, LANG_CONFIGS["en"][key])


def _interpolate(points: tuple[tuple[float, float], ...]) -> Callable[[float], float]:
    """A piecewise-linear map through (score, grade) points (scores ascending)."""
    xs = [p[0] for p in points]

    def convert(score: float) -> float:
        if score <= xs[0]:
            return points[0][1]
        if score >= xs[-1]:
            return points[-1][1]
        i = bisect_left(xs, score)
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0)

    return convert


# Flesch (1949) table: ease -> grade (read from the band edges, linear inside a band).
ease_to_grade = _interpolate(((0, 18.0), (30, 16.0), (50, 12.0), (60, 10.0), (70, 8.0), (80, 7.0), (90, 6.0), (100, 5.0)))
# Gulpease: 80 = licenza elementare (grade 5), 60 = licenza media (8), 40 = diploma superiore (13).
gulpease_to_grade = _interpolate(((0, 18.0), (40, 13.0), (60, 8.0), (80, 5.0), (100, 3.0)))
# INFLESZ: <40 very hard (university), 40-55 somewhat hard (bachillerato), 55-65 normal (ESO),
# 65-80 fairly easy (primary 5-6), >80 very easy.
inflesz_to_grade = _interpolate(((0, 18.0), (40, 13.0), (55, 10.0), (65, 8.0), (80, 6.0), (100, 4.0)))
# Dale-Chall: <=4.9 grade 4 or below, 5-5.9 grades 5-6, 6-6.9: 7-8, 7-7.9: 9-10, 8-8.9: 11-12,
# 9-9.9: 13-15, 10+: college graduate.
dale_chall_to_grade = _interpolate(((4.9, 4.0), (5.0, 5.0), (6.0, 7.0), (7.0, 9.0), (8.0, 11.0), (9.0, 13.0), (10.0, 16.0)))


@dataclass(frozen=True)
class Formula:
    """A readability formula: its key in the metrics, label, and how its score becomes a grade."""

    key: str
    label: str
    to_grade: Callable[[float], float] | None = None  # None: the score is already a grade


# Formulas by option name (``[rules.RD01] formula = ...``).
FORMULAS: dict[str, Formula] = {
    "smog": Formula("smog", "SMOG"),
    "flesch-kincaid": Formula("flesch_kincaid_grade", "Flesch-Kincaid"),
    "flesch-reading-ease": Formula("flesch_reading_ease", "Flesch Reading Ease", ease_to_grade),
    "gunning-fog": Formula("gunning_fog", "Gunning Fog"),
    "coleman-liau": Formula("coleman_liau", "Coleman-Liau"),
    "dale-chall": Formula("dale_chall", "Dale-Chall", dale_chall_to_grade),
    "fernandez-huerta": Formula("fernandez_huerta", "Fernández-Huerta", ease_to_grade),
    "szigriszt-pazos": Formula("szigriszt_pazos", "Szigriszt-Pazos", inflesz_to_grade),
    "wiener-sachtextformel": Formula("wiener_sachtextformel", "Wiener Sachtextformel"),
    "gulpease": Formula("gulpease", "Gulpease", gulpease_to_grade),
}

# Per language: the formulas computed (option names), the default one first, the one shown beside it second.
LANGUAGE_FORMULAS: dict[str, tuple[str, ...]] = {
    "en": ("smog", "flesch-kincaid", "flesch-reading-ease", "gunning-fog", "coleman-liau", "dale-chall"),
    "es": ("fernandez-huerta", "szigriszt-pazos"),
    "de": ("wiener-sachtextformel", "flesch-reading-ease"),
    "fr": ("flesch-reading-ease",),
    "it": ("gulpease", "flesch-reading-ease"),
    "nl": ("flesch-reading-ease",),
}
FLESCH_NAMES = {
    "en": "Flesch Reading Ease",
    "de": "Flesch-Amstad",
    "es": "Flesch (Fernández-Huerta constants)",
    "fr": "Flesch (Kandel-Moles)",
    "it": "Flesch-Vacca",
    "nl": "Flesch-Douma",
}


def language_root(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def formulas_for(language: str) -> tuple[str, ...]:
    return LANGUAGE_FORMULAS.get(language_root(language), LANGUAGE_FORMULAS["en"])


def label(name: str, language: str) -> str:
    if name == "flesch-reading-ease":
        return FLESCH_NAMES.get(language_root(language), "Flesch Reading Ease")
    return FORMULAS[name].label


def scores(c: Counts, language: str) -> dict[str, float]:
    """Every formula of ``language`` from a unit's counts (textstat's constants and formulas)."""
    lang = language_root(language)
    out: dict[str, float] = {}
    if not c.words or not c.sentences:
        return out
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    wanted = formulas_for(lang)
    if "flesch-reading-ease" in wanted:
        out["flesch_reading_ease"] = _cfg(lang, "fre_base") - _cfg(lang, "fre_sentence_length") * wps - _cfg(lang, "fre_syll_per_word") * spw
    if "flesch-kincaid" in wanted:
        out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
    if "smog" in wanted:
        out["smog"] = 1.043 * (30 * c.polysyllables / c.sentences) ** 0.5 + 3.1291
    if "gunning-fog" in wanted:
        out["gunning_fog"] = 0.4 * (wps + 100 * c.fog_hard / c.words)
    if "coleman-liau" in wanted:
        out["coleman_liau"] = 0.058 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8
    if "dale-chall" in wanted:
        share = 100 * c.not_easy / c.words
        out["dale_chall"] = 0.1579 * share + 0.0496 * wps + (3.6365 if share > 5 else 0.0)
    if "fernandez-huerta" in wanted:
        out["fernandez_huerta"] = 206.84 - 60 * spw - 1.02 * wps
    if "szigriszt-pazos" in wanted:
        out["szigriszt_pazos"] = _cfg(lang, "fre_base") - 62.3 * spw - wps
    if "wiener-sachtextformel" in wanted:
        ms = 100 * c.polysyllables / c.words
        iw = 100 * c.long_words / c.words
        es = 100 * c.monosyllables / c.words
        out["wiener_sachtextformel"] = 0.1935 * ms + 0.1672 * wps + 0.1297 * iw - 0.0327 * es - 0.875
    if "gulpease" in wanted and c.raw_words:
        out["gulpease"] = 300 * c.sentences / c.words - 10 * c.chars / c.raw_words + 89
    return out


def grade(name: str, values: dict[str, float]) -> float | None:
    """The school grade a formula's score stands for (None if it was not computed)."""
    formula = FORMULAS[name]
    score = values.get(formula.key)
    if score is None:
        return None
    return formula.to_grade(score) if formula.to_grade else score
