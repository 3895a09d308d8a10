"""Inline suppression comments in Markdown and HTML, and per-file ignores for plain text."""

from __future__ import annotations

from medlint import lint_text


def rules_and_lines(findings):
    return [(f.rule, f.line) for f in findings]


def test_markdown_disable_enable_block(test_config):
    text = (
        "Utilise it.\n\n<!-- medlint-disable XT01 -->\n\nUtilise it. A detox.\n\n"
        "<!-- medlint-enable XT01 -->\n\nUtilise it.\n"
    )
    assert rules_and_lines(lint_text(text, format="markdown", config=test_config)) == [
        ("XT01", 1), ("XT02", 5), ("XT01", 9)]


def test_disable_without_ids_and_by_family(test_config):
    text = "<!-- medlint-disable XT -->\n\nUtilise a detox.\n"
    assert lint_text(text, format="markdown", config=test_config) == []
    text = "<!-- medlint-disable -->\n\nUtilise a detox.\n"
    assert lint_text(text, format="markdown", config=test_config) == []


def test_disable_next_line_in_markdown_and_html(test_config):
    md = "<!-- medlint-disable-next-line XT01 -->\nUtilise a detox.\n\nUtilise it.\n"
    assert rules_and_lines(lint_text(md, format="markdown", config=test_config)) == [("XT02", 2), ("XT01", 4)]
    html = "<p>Utilise.</p>\n<!-- medlint-disable-next-line XT01 -->\n<p>Utilise.</p>\n<p>Utilise.</p>"
    assert rules_and_lines(lint_text(html, format="html", config=test_config)) == [("XT01", 1), ("XT01", 4)]


def test_comments_are_not_directives_in_plain_text(test_config):
    text = "<!-- medlint-disable -->\n\nUtilise it.\n"
    assert rules_and_lines(lint_text(text, format="text", config=test_config)) == [("XT01", 3)]


def test_per_file_ignores(test_config):
    config = {**test_config, "per_file_ignores": {"legal/*.txt": ["XT01"]}}
    text = "Utilise a detox."
    assert rules_and_lines(lint_text(text, config=config, path="legal/terms.txt")) == [("XT02", 1)]
    assert rules_and_lines(lint_text(text, config=config, path="leaflets/a.txt")) == [("XT01", 1), ("XT02", 1)]
