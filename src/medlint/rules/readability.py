"""RD: readability and plain language (grade level, long sentences, abbreviations, passive voice).

RD03 (jargon) is a data rule: ``rules/plain-language.yaml``. Scores are computed once per
document by ``medlint.readability.scoring`` (shared by RD01, RD02 and ``medlint stats``).
"""

from __future__ import annotations

from typing import Iterator

from medlint.document import Document
from medlint.findings import Finding, Severity
from medlint.readability import abbreviations, languages, passive, scoring
from medlint.resources import data_file
from medlint.rule import Option, Rule, RuleContext, register

_FORMULA_CHOICES = ("auto", *languages.FORMULAS)


def _choose_formula(requested: str, language: str) -> tuple[str, str | None, str | None]:
    """(formula, formula shown beside it, note) for a language; falls back to its default."""
    available = languages.formulas_for(language)
    note = None
    if requested != "auto" and requested not in available:
        note = f"{requested} is not used for '{language}', so {available[0]} is"
        requested = "auto"
    formula = available[0] if requested == "auto" else requested
    beside = None
    if languages.language_root(language) == "en":
        beside = "flesch-kincaid" if formula != "flesch-kincaid" else "smog"
    elif len(available) > 1:
        beside = available[1] if formula == available[0] else available[0]
    return formula, beside, note


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


@register
class GradeLevel(Rule):
    id = "RD01"
    name = "readability.grade-level"
    summary = "The text's reading grade is above the target for patient materials."
    default_severity = Severity.WARNING
    why = (
        "About a third of adults have basic or below-basic health literacy, and patient materials are "
        "routinely written several grades above what readers can manage. The AMA recommends writing "
        "patient materials at or below a US grade 6 reading level, the NIH below grade 8, the NHS a "
        "reading age of 9 to 11, and WCAG 3.1.5 (AAA) asks for text readable with lower-secondary "
        "education. The default target, grade 8, is the upper bound most guidance accepts. SMOG "
        "(McLaughlin 1969) is the default formula because it was validated for health materials and "
        "predicts full comprehension; Flesch-Kincaid is shown beside it because many editors know it. "
        "SMOG was calibrated on samples of 30 sentences: shorter texts get an estimate with a caveat. "
        "Other languages use their own formulas and scales (see `medlint stats` and the docs of "
        "medlint.readability.languages): Fernández-Huerta for Spanish, Wiener Sachtextformel for "
        "German, Kandel-Moles for French, Gulpease for Italian, Flesch-Douma for Dutch."
    )
    example = (
        "Subsequent to the administration of immunomodulatory medications, individuals may experience "
        "considerable exacerbation of pre-existing gastrointestinal symptomatology."
    )
    better = "After you start these medicines, your stomach problems may get worse for a while."
    sources = (
        "McLaughlin GH. SMOG grading: a new readability formula. Journal of Reading 1969;12(8):639-646",
        "Weiss BD. Health literacy and patient safety: help patients understand. AMA Foundation, 2007 (grade 6)",
        "NIH, National Library of Medicine: How to write easy-to-read health materials (below grade 8)",
        "NHS digital service manual, content style guide: health literacy (reading age 9 to 11)",
        "WCAG 2.2 success criterion 3.1.5 Reading Level (AAA)",
        "CDC Clear Communication Index (2019), item 'reading grade level'",
        "Kincaid JP et al. Derivation of new readability formulas for Navy enlisted personnel, 1975",
    )
    options = {
        "target_grade": Option((int, float), 8.0, "Highest acceptable school grade (AMA: 6, NIH: 8)."),
        "formula": Option(str, "auto", "Grade formula: auto (SMOG for English, the language's own formula otherwise) "
                          "or one of " + ", ".join(languages.FORMULAS) + ".", choices=_FORMULA_CHOICES),
        "min_sentences": Option(int, 30, "Below this many sentences the message carries SMOG's sample-size caveat "
                                "(McLaughlin: 30)."),
        "min_section_sentences": Option(int, 5, "Only sections with at least this many sentences get a finding "
                                        "of their own."),
        "section_findings": Option(bool, True, "Report each section above the target at its heading."),
        "hardest_sections": Option(int, 3, "How many of the hardest sections the document finding names."),
    }
    languages = languages.LANGUAGES

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        opts = ctx.options
        result = scoring.readability(doc, ctx.language)
        formula, beside, note = _choose_formula(opts["formula"], result.language)
        metrics = scoring.as_metrics(result, formula, beside)
        metrics["target_grade"] = opts["target_grade"]
        ctx.metrics["readability"] = metrics
        grade = result.grade(formula)
        if grade is None or not result.counts.sentences:
            return
        name = languages.label(formula, result.language)
        target = float(opts["target_grade"])
        scored = [s for s in result.sections if s.counts.sentences]
        if grade > target:
            extra = f"; {languages.label(beside, result.language)} {_fmt(languages.grade(beside, result.scores))}" if beside else ""
            message = f"Reading grade {grade:.1f} ({name}{extra}) is above the target of {target:g}."
            if len(scored) > 1:
                hardest = sorted(scored, key=lambda s: -(result.section_grade(s, formula) or 0))
                named = [f"'{_short(s.title)}' ({_fmt(result.section_grade(s, formula))})"
                         for s in hardest[: opts["hardest_sections"]] if (result.section_grade(s, formula) or 0) > target]
                if named:
                    message += " Hardest sections: " + ", ".join(named) + "."
            message += _caveat(result.counts.sentences, opts["min_sentences"], formula)
            if note:
                message += f" ({note}.)"
            yield ctx.document_finding(message)
        if not opts["section_findings"] or len(scored) < 2:
            return
        for s in scored:
            g = result.section_grade(s, formula)
            if g is None or g <= target or s.counts.sentences < opts["min_section_sentences"]:
                continue
            message = (f"Section '{_short(s.title)}' reads at grade {g:.1f} ({name}), above the target of {target:g}."
                       + _caveat(s.counts.sentences, opts["min_sentences"], formula))
            heading = s.section.heading
            if heading is not None:
                text = heading.text.rstrip()
                lead = len(text) - len(text.lstrip())
                yield ctx.finding(lead, len(text), message, block=heading)
            else:
                first = next(b for b in s.section.blocks if b.kind in scoring.SCORED_KINDS)
                sentence = first.sentences[0]
                yield ctx.finding(sentence.start, sentence.end, message, block=first)


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _caveat(sentences: int, minimum: int, formula: str) -> str:
    if sentences >= minimum:
        return ""
    basis = "SMOG is calibrated on" if formula == "smog" else "readability formulas need about"
    return f" Only {sentences} sentence{'s' if sentences != 1 else ''}: {basis} {minimum}, so treat this grade as an estimate."


@register
class LongSentence(Rule):
    id = "RD02"
    name = "readability.long-sentence"
    summary = "Sentence is too long for patient-facing text."
    default_severity = Severity.WARNING
    why = (
        "Long sentences make readers hold many ideas at once; readers with low health literacy lose the "
        "thread and miss the instruction. Guidance keeps sentences short: GOV.UK and the Plain English "
        "Campaign suggest 15 to 20 words on average and no more than 25; the NHS content style guide asks "
        "for short sentences; the CDC Clear Communication Index and NIH's Clear & Simple recommend short "
        "sentences with one idea each. The default limit, 25 words, is the common maximum; each list item "
        "counts as a sentence of its own."
    )
    example = ("Take the tablets, which you should swallow whole with a glass of water, twice a day with food "
               "unless your doctor or pharmacist has told you to take them in a different way.")
    better = ("Take the tablets twice a day with food. Swallow them whole with a glass of water. Your doctor "
              "may tell you to take them differently.")
    sources = (
        "GOV.UK style guide / Government Digital Service: 'Writing for GOV.UK' (sentences of 25 words or fewer)",
        "Plain English Campaign: How to write in plain English (average 15 to 20 words)",
        "NHS digital service manual, content style guide: 'How to write good content' (short sentences)",
        "CDC Clear Communication Index (2019) and CDC Simply Put (2010): short sentences, one idea each",
        "NIH, Clear & Simple: developing effective print materials for low-literate readers",
    )
    options = {"max_words": Option(int, 25, "Maximum words per sentence (GOV.UK and Plain English Campaign: 25).")}
    languages = languages.LANGUAGES

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        limit = ctx.options["max_words"]
        for block, sentence in scoring.scored_sentences(doc):
            if len(sentence.text.split()) <= limit:  # removing punctuation never adds words
                continue
            n = scoring.word_count(sentence.text)
            if n > limit:
                yield ctx.finding(sentence.start, sentence.end,
                                  f"Sentence has {n} words (more than {limit}): split it into shorter sentences.",
                                  block=block)


def _default_allow() -> frozenset[str]:
    entries = set()
    for line in data_file("lists", "abbreviations-allowed.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.add(line)
    return frozenset(entries)


@register
class UndefinedAbbreviation(Rule):
    id = "RD04"
    name = "readability.undefined-abbreviation"
    summary = "Abbreviation or acronym used without being spelled out at its first use."
    default_severity = Severity.WARNING
    why = (
        "Readers who do not know an abbreviation cannot look it up while reading a leaflet, and many "
        "medical abbreviations mean different things in different places (MS, PT, RA). WCAG 3.1.4 asks "
        "for a way to find the expanded form; plain-language guidance (NHS, GOV.UK, plainlanguage.gov, "
        "CDC) asks to spell an abbreviation out at its first use or avoid it. Abbreviations most readers "
        "know (GP, NHS, MRI, CT, DNA...) are on an allow-list you can extend. Roman numerals, units "
        "and words in capitals for emphasis are not abbreviations. 'full words (ABBR)' and "
        "'ABBR (full words)' count as spelling it out."
    )
    example = "Your PCP may refer you for an EEG."
    better = ("Your primary care provider (PCP) may refer you for an electroencephalogram (EEG), a test that "
              "records the electrical activity of your brain.")
    sources = (
        "WCAG 2.2 success criterion 3.1.4 Abbreviations (AAA)",
        "NHS digital service manual, content style guide: abbreviations and acronyms",
        "GOV.UK style guide: abbreviations and acronyms (spell out the first time)",
        "Federal Plain Language Guidelines (plainlanguage.gov, 2011): minimize abbreviations",
        "CDC Clear Communication Index (2019): define technical terms and abbreviations",
    )
    options = {
        "allow": Option(list, [], "Abbreviations your readers know, added to the default allow-list."),
        "use_default_allow": Option(bool, True, "Use the built-in allow-list (rules/lists/abbreviations-allowed.txt: "
                                    "GP, NHS, MRI, CT, DNA, HIV...)."),
    }
    languages = ("en",)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        allowed = frozenset(ctx.options["allow"])
        if ctx.options["use_default_allow"]:
            default = ctx.resources.get(("RD04", "allow"), _default_allow) if ctx.resources else _default_allow()
            allowed |= default
        for use, later in abbreviations.undefined_first_uses(abbreviations.uses(scoring.content_blocks(doc), allowed)):
            abbr = use.block.text[use.start : use.end]
            if later is not None:
                line, _ = doc.position(later.block.to_source(later.start))
                message = (f"'{abbr}' is spelled out only later (line {line}): spell it out at its first use, "
                           f"e.g. 'full words ({use.key})'.")
            else:
                message = (f"'{abbr}' is not spelled out: write the words in full at its first use, e.g. "
                           f"'full words ({use.key})', or leave it out.")
            yield ctx.finding(use.start, use.end, message, block=use.block)


@register
class PassiveVoice(Rule):
    id = "RD05"
    name = "readability.passive-voice"
    summary = "Passive voice: say who does what."
    default_severity = Severity.INFO
    why = (
        "In the passive voice the reader often cannot tell who has to act ('The tablets should be taken' "
        "- by whom?). Active sentences are shorter and clearer, and instructions in the active voice are "
        "followed more reliably. Plain-language guidance (NHS, CDC Clear Communication Index, NIH, "
        "plainlanguage.gov) asks for the active voice in most sentences. The passive is sometimes right "
        "(when the doer is unknown or unimportant), so this rule is information only."
    )
    example = "The tablets should be taken with food. You will be contacted by the clinic."
    better = "Take the tablets with food. The clinic will contact you."
    sources = (
        "Federal Plain Language Guidelines (plainlanguage.gov, 2011): use active voice",
        "CDC Simply Put (2010) and CDC Clear Communication Index (2019): active voice",
        "NHS digital service manual, content style guide: use active verbs",
        "NIH, Clear & Simple: use the active voice",
    )
    options = {
        "ignore": Option(list, [], "Participles never to flag (e.g. 'diagnosed')."),
    }
    languages = ("en",)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        ignored = {w.lower() for w in ctx.options["ignore"]}
        for block in scoring.content_blocks(doc):
            if block.kind not in scoring.SCORED_KINDS and block.kind != "table_cell":
                continue
            for start, end, phrase in passive.passives(block.text):
                if phrase.split()[-1].lower() in ignored:
                    continue
                yield ctx.finding(start, end, f"Passive voice: '{' '.join(phrase.split())}'. Say who does it, "
                                  "in the active voice, if you can.", block=block)
