"""The Document model: blocks per format, and offsets that map back to line and column."""

from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.lines import LineIndex
from medlint.parsers import parse
from medlint.tokens import sentences, words


def source_of(doc, block, span):
    start, end = block.source_range(span.start, span.end)
    return doc.text[start:end]


@pytest.mark.parametrize(
    "text, offset, expected",
    [
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 4, (2, 1)),
        ("ab\rcd", 3, (2, 1)),
        ("ab\r\ncd", 2, (1, 3)),
        ("café\nxyz", 6, (2, 2)),
        ("😀 ok\nz", 2, (1, 3)),
        ("", 0, (1, 1)),
    ],
)
def test_line_index(text, offset, expected):
    assert LineIndex(text).position(offset) == expected


def test_sentences_do_not_break_on_abbreviations_or_decimals():
    text = "Take 2.5 mg, e.g. with food. Dr. Lee will call. Take vitamin D. It helps. J. Smith wrote it."
    assert [s.text for s in sentences(text)] == [
        "Take 2.5 mg, e.g. with food.",
        "Dr. Lee will call.",
        "Take vitamin D.",
        "It helps.",
        "J. Smith wrote it.",
    ]


def test_words_keep_inner_apostrophes_hyphens_and_decimals():
    assert [w.text for w in words("Don't skip follow-up doses of 2.5 mg.")] == [
        "Don't", "skip", "follow-up", "doses", "of", "2.5", "mg"]


def test_plain_text_blocks():
    text = "Looking after your heart\n\nEat well and\nstay active.\n• Stop smoking\n• Drink less\n"
    doc = parse(text, "text")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Looking after your heart"),
        ("paragraph", "Eat well and stay active."),
        ("list_item", "Stop smoking"),
        ("list_item", "Drink less"),
    ]


def test_list_items_are_never_merged_into_one_sentence():
    doc = parse("Symptoms include:\n- fever\n- cough\n- tiredness\n", "text")
    assert [s.text for _, s in doc.sentences()] == ["Symptoms include:", "fever", "cough", "tiredness"]


def test_markdown_blocks_and_skipped_code_urls_comments():
    text = (
        "# Heart *health*\n\nSee [the guide](https://example.org/x) or https://example.org/y today.\n"
        "Run `medlint` now.\n\n```\ncode is not prose\n```\n\n<!-- a comment -->\n\n"
        "- one\n- two\n\n> quoted text\n\n![A nurse](n.png)\n\n| a | b |\n|---|---|\n| c | d |\n"
    )
    doc = parse(text, "markdown")
    kinds = [(b.kind, " ".join(b.text.split())) for b in doc.blocks]
    assert kinds == [
        ("heading", "Heart health"),
        ("paragraph", "See the guide or today. Run now."),
        ("list_item", "one"),
        ("list_item", "two"),
        ("quote", "quoted text"),
        ("alt_text", "A nurse"),
        ("table_cell", "a"),
        ("table_cell", "b"),
        ("table_cell", "c"),
        ("table_cell", "d"),
    ]
    assert [(link.text, link.target) for link in doc.links] == [("the guide", "https://example.org/x")]


def test_markdown_offsets_map_back_through_emphasis_escapes_and_entities():
    text = "Intro line.\r\n\r\nUse *this* \\* and &amp; then **that** word.\r\n"
    doc = parse(text, "markdown")
    block = doc.blocks[1]
    that = block.text.index("that")
    start, end = block.source_range(that, that + 4)
    assert text[start:end] == "that"
    assert doc.position(start) == (3, 32)


def test_markdown_front_matter_is_metadata_not_prose():
    doc = parse("---\nauthor: Jo Bloggs\nreviewed: 2025-01-02\n---\n# Title\n", "markdown")
    assert doc.metadata["author"] == "Jo Bloggs"
    assert [b.text for b in doc.blocks] == ["Title"]
    assert doc.position(doc.blocks[0].to_source(0)) == (5, 3)


def test_html_blocks_chrome_alt_text_and_skipped_elements():
    text = (
        "<html><head><title>Asthma</title><script>var a = 'x';</script><style>p{}</style></head>"
        "<body><nav><a href='/'>Home</a></nav><header>Site name</header>"
        "<h1>Living with asthma</h1><p>It is common &amp; treatable.<br>Use <code>x</code> daily.</p>"
        "<ul><li>First</li><li>Second</ul><img src='a.png' alt='A child using an inhaler'>"
        "<footer>Reviewed <time datetime='2025-03-01'>1 March 2025</time></footer></body></html>"
    )
    doc = parse(text, "html")
    assert [(b.kind, b.chrome, " ".join(b.text.split())) for b in doc.blocks] == [
        ("title", False, "Asthma"),
        ("paragraph", True, "Site name"),
        ("heading", False, "Living with asthma"),
        ("paragraph", False, "It is common & treatable. Use daily."),
        ("list_item", False, "First"),
        ("list_item", False, "Second"),
        ("alt_text", False, "A child using an inhaler"),
        ("paragraph", True, "Reviewed 1 March 2025"),
    ]
    assert doc.metadata["times"] == [{"datetime": "2025-03-01", "text": "1 March 2025"}]
    alt = doc.blocks[6]
    start, end = alt.source_range(0, len(alt.text))
    assert text[start:end] == "A child using an inhaler"


def test_html_positions_with_crlf_and_non_ascii():
    text = "<p>Première ligne.</p>\r\n<p>Überall ist Hypertension.</p>\r\n"
    doc = parse(text, "html")
    block = doc.blocks[1]
    i = block.text.index("Hypertension")
    assert doc.position(block.to_source(i)) == (2, 16)


@pytest.mark.parametrize(
    "fmt, text, line, column",
    [
        ("text", "Intro.\r\n\r\nWe 😀 utilise it.\r\n", 3, 6),
        ("text", "Intro.\rWe café utilise it.\r", 2, 9),
        ("markdown", "# Título\n\n- Ça va, utilise *it*\n", 3, 10),
        ("html", "<ul>\n  <li>Çа utilise</li>\n</ul>", 2, 10),
    ],
)
def test_finding_positions_in_each_format(test_config, fmt, text, line, column):
    findings = lint_text(text, format=fmt, config=test_config)
    assert [(f.rule, f.line, f.column, f.end_column, f.match) for f in findings] == [
        ("XT01", line, column, column + 7, "utilise")
    ]
