"""GR family: grammar, spelling and style through LanguageTool (off by default).

GR01 sends each document's prose (its blocks joined by blank lines, one request per document) to
LanguageTool and reports its matches where they are in the file. It needs a LanguageTool: a
server (``$MEDLINT_LANGUAGETOOL_URL``, which wins, or ``server_url`` below) or a local install
(Java 17+ and ``python -m medlint.grammar download`` once). Without one it reports nothing and
the run shows one note (``medlint.grammar.run_note``); the other rules carry on.
"""

from __future__ import annotations

from typing import Any, Iterator, NamedTuple

from medlint.document import Document
from medlint.findings import Finding, Severity
from medlint.grammar.availability import LanguageToolUnavailable, backend_for, require, run_note
from medlint.grammar.client import CheckFailed
from medlint.grammar.mapping import SPELLING, KnownWords, join_blocks, term_words
from medlint.drugs.matcher import index_for
from medlint.resources import medical_terms
from medlint.rule import Option, Resources, Rule, RuleContext, register

#: Blocks that may start in lower case (NHS style: bullets after a lead-in start lower case).
_LOWER_START_OK = frozenset({"list_item", "table_cell", "alt_text", "caption"})
_SENTENCE_START_RULES = frozenset({"UPPERCASE_SENTENCE_START"})


@register
class LanguageToolCheck(Rule):
    id = "GR01"
    name = "grammar.languagetool"
    summary = "Spelling, grammar or style problem found by LanguageTool."
    default_severity = Severity.WARNING
    default_enabled = False
    languages = None  # whatever the LanguageTool in use supports
    why = (
        "Misspellings and broken grammar make health information harder to read and less "
        "trusted, and a misspelt word can be taken for another medicine or condition. "
        "LanguageTool's spelling, grammar and style rules catch what a wording list cannot. "
        "Spelling and grammar matches take the rule's severity (warning unless configured); "
        "style matches are info. Drug names (medlint's drug list and your `drug_lists`) and the "
        "words of medlint's medical terms list are never reported as misspellings. "
        "It needs a LanguageTool: a server (MEDLINT_LANGUAGETOOL_URL, or `server_url`), or Java 17+ "
        "and `python -m medlint.grammar download` run once; without one, the run shows one note "
        "and the other rules carry on."
    )
    example = "Take the tabets with food. He have a headache."
    better = "Take the tablets with food. He has a headache."
    sources = (
        "LanguageTool, open-source grammar, style and spell checker: https://languagetool.org "
        "(HTTP API: https://languagetool.org/http-api/)",
        "language-tool-python: https://github.com/jxmorris12/language_tool_python",
        "NHS digital service manual, content style guide: https://service-manual.nhs.uk/content",
    )
    options = {
        "server_url": Option(
            str, "",
            "URL of a LanguageTool server, e.g. http://localhost:8081. The environment variable "
            "MEDLINT_LANGUAGETOOL_URL wins over it. Empty: a LanguageTool installed locally.",
        ),
        "variant": Option(
            str, "",
            "LanguageTool language code for texts whose `language` has no region, e.g. en-US. "
            "Empty: en-GB for en, de-DE for de, pt-PT for pt, the language itself otherwise.",
        ),
        "disabled_rules": Option(
            list, ["WHITESPACE_RULE"],
            "LanguageTool rule ids not to report (default: WHITESPACE_RULE, since removed links "
            "and markup leave double spaces in the prose).",
        ),
        "ignore_words": Option(
            list, [],
            "More words never reported as misspelt (drug names and medical terms already are).",
        ),
        "timeout": Option(
            float, 10.0,
            "Seconds to wait when first contacting the server (each check may take three times that).",
        ),
    }

    def run_note(self, options: dict[str, Any], language: str) -> str | None:
        """Why LanguageTool could not be used, once it was needed (it is never contacted just for this)."""
        return run_note([_Active(self, options)], language, probe=False)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        opts = ctx.options
        try:
            client, code = require(opts["server_url"], ctx.language, opts["variant"], timeout=opts["timeout"])
        except LanguageToolUnavailable:
            return  # the run shows the note once (medlint.grammar.run_note), not per file
        joined = join_blocks(doc.prose_blocks())
        if not joined.text.strip():
            return
        disabled = set(opts["disabled_rules"])
        try:
            matches = client.check(joined.text, code, disabled)
        except CheckFailed as exc:
            backend = backend_for(opts["server_url"], timeout=opts["timeout"])
            if backend is not None:
                backend.fail(str(exc))
            return
        known = known_words(ctx).with_words(opts["ignore_words"])
        for match in matches:
            if match.rule_id in disabled:
                continue
            located = joined.locate(match)
            if located is None:
                continue
            block, start, end = located
            if match.kind == SPELLING and known.knows(block.text[start:end]):
                continue
            if match.rule_id in _SENTENCE_START_RULES and start == 0 and block.kind in _LOWER_START_OK:
                continue
            yield ctx.finding(
                start, end, match.finding_message(), block=block,
                suggestions=match.suggestions(), severity=match.severity(ctx.severity),
            )


class _Active(NamedTuple):
    rule: Rule
    options: dict[str, Any]


def known_words(ctx: RuleContext) -> KnownWords:
    """Drug names (the run's reference list, shared with the DR rules) and medical-term words."""
    resources = ctx.resources or Resources()
    index = index_for(resources)
    return resources.get(
        ("medlint.grammar.known-words", id(index)), lambda: KnownWords(term_words(medical_terms()), [index.drugs])
    )