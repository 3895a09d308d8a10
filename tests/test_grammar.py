"""GR family (LanguageTool): availability, the one-line note, and the mapping of matches to findings.

No LanguageTool runs here. A small HTTP server on 127.0.0.1 answers ``GET /v2/languages`` and
``POST /v2/check`` with hand-written responses in the documented shape of LanguageTool's HTTP API
(tests/data/languagetool/), so the real ``language_tool_python`` remote-server code path runs end
to end, through ``medlint check``. ``test_real_languagetool`` runs against a real LanguageTool
when one is reachable and is skipped, with the reason, otherwise.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.api import linter_for
from medlint.cli import main
from medlint.config import Config
from medlint.document import Block
from medlint.findings import Severity
from medlint.grammar import ENV_URL, language_code, run_note
from medlint.grammar.availability import local_installs, normalise_url
from medlint.grammar.client import split_text
from medlint.grammar.mapping import GRAMMAR, SPELLING, STYLE, KnownWords, LTMatch, join_blocks

from conftest import TEST_PACKS

LT_DATA = Path(__file__).parent / "data" / "languagetool"

# What was reachable before these tests isolate the environment (for test_real_languagetool).
REAL_URL = os.environ.get(ENV_URL, "").strip()
REAL_LOCAL = local_installs()


# --- the fixture LanguageTool server ----------------------------------------------------------


class FakeLanguageTool(ThreadingHTTPServer):
    """Answers like a LanguageTool server, from tests/data/languagetool; records every request."""

    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.languages = (LT_DATA / "languages.json").read_bytes()
        index = json.loads((LT_DATA / "index.json").read_text(encoding="utf-8"))
        self.responses = {(r["language"], r["text"]): LT_DATA / r["file"] for r in index["responses"]}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.broken = False  # answer /v2/check with an HTML error page
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def checks(self) -> list[dict[str, str]]:
        return [params for path, params in self.requests if path.endswith("/check")]


class _Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = urllib.parse.urlparse(self.path).path
        self.server.requests.append((path, {}))
        if path == "/v2/languages":
            self._send(200, self.server.languages)
        else:
            self._send(404, b"Not found", "text/plain")

    def do_POST(self) -> None:
        path = urllib.parse.urlparse(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        params = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8")).items()}
        self.server.requests.append((path, params))
        if path != "/v2/check":
            self._send(404, b"Not found", "text/plain")
        elif self.server.broken:
            self._send(500, b"<html>Internal Server Error</html>", "text/html")
        else:
            fixture = self.server.responses.get((params.get("language", ""), params.get("text", "")))
            body = fixture.read_bytes() if fixture else json.dumps({"matches": []}).encode()
            self._send(200, body)


_SHARED: FakeLanguageTool | None = None


def serve_as_java(argv: list[str]) -> None:
    """Stand-in for ``java -cp languagetool-server.jar org.languagetool.server.HTTPServer -p PORT``."""
    FakeLanguageTool(int(argv[argv.index("-p") + 1]))  # serves on its own thread
    threading.Event().wait()  # until killed


def languagetool_fixture_url() -> str:
    """URL of a process-wide fixture server (for a conftest hook running GR cases elsewhere)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = FakeLanguageTool()
    return _SHARED.url


@pytest.fixture(autouse=True)
def no_languagetool(tmp_path, monkeypatch):
    """No server URL and an empty LanguageTool download folder: nothing is available by default."""
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt-downloads"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def lt_server():
    server = FakeLanguageTool()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with files to check; write medlint.toml in the test."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spelling.txt").write_text("Take the tabets with food.\n", encoding="utf-8")
    (tmp_path / "wording.txt").write_text("Utilise a detox.\n", encoding="utf-8")
    return tmp_path


def write_config(folder: Path, extra: str = "", select: str = '["XT", "GR"]') -> None:
    (folder / "medlint.toml").write_text(
        f'packs = ["{TEST_PACKS.as_posix()}"]\nselect = {select}\n{extra}', encoding="utf-8"
    )


def run_cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["check", *args], env={"CI": "true", **(env or {})}, catch_exceptions=False)


def stderr_of(result) -> str:
    return getattr(result, "stderr", "") or ""


# --- off by default ---------------------------------------------------------------------------


def test_off_by_default_no_finding_no_request_no_note(project, lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url)
    write_config(project, select='["XT"]')
    result = run_cli("spelling.txt")
    assert "GR01" not in result.stdout and "LanguageTool" not in stderr_of(result)
    assert lt_server.requests == []
    # the default selection (no select at all) does not turn GR on either
    assert not [f for f in lint_text("Take the tabets with food.") if f.rule.startswith("GR")]
    assert lt_server.requests == []
    default = Config()
    assert run_note(linter_for(default).active_rules(default), "en") is None


def test_rule_is_listed_as_off_by_default():
    result = CliRunner().invoke(main, ["rules"])
    line = next(l for l in result.stdout.splitlines() if l.startswith("GR01"))
    assert "(off by default)" in line


# --- end to end through medlint check and the language_tool_python remote path -----------------


def test_check_with_server_url_option(project, lt_server):
    write_config(project, f'[rules.GR01]\nserver_url = "{lt_server.url}"\n', select='["GR"]')
    result = run_cli("spelling.txt")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "spelling.txt:1:10: warning GR01 [MORFOLOGIK_RULE_EN_GB] Possible spelling mistake found.\n"
        "    suggestions: 'tablets', 'tabs', 'tablet'\n"
        "1 problem (0 errors, 1 warning, 0 info) in 1 file checked.\n"
    )
    # language_tool_python asked for the languages, then sent the text as a form with the language
    assert ("/v2/languages", {}) in lt_server.requests
    assert lt_server.checks() == [{"language": "en-GB", "text": "Take the tabets with food.", "disabledRules": "WHITESPACE_RULE"}]


def test_check_json_positions_and_extend_select_flag(project, lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url)
    write_config(project, select='["XT"]')
    result = run_cli("--extend-select", "GR", "--format", "json", "spelling.txt", "wording.txt")
    data = json.loads(result.stdout)
    findings = [f for file in data["files"] for f in file["findings"]]
    gr = [f for f in findings if f["rule"] == "GR01"]
    assert [(f["line"], f["column"], f["end_column"], f["match"]) for f in gr] == [(1, 10, 16, "tabets")]
    assert {f["rule"] for f in findings} >= {"GR01", "XT01", "XT02"}


def test_environment_wins_over_config(project, lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url + "/v2/")  # a URL with /v2/ works too
    write_config(project, '[rules.GR01]\nserver_url = "http://127.0.0.1:9"\n', select='["GR"]')
    result = run_cli("spelling.txt")
    assert "warning GR01 [MORFOLOGIK_RULE_EN_GB]" in result.stdout
    assert len(lt_server.checks()) == 1


def test_one_request_per_document_not_per_block(lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url)
    findings = lint_text("# Side efects\n\nYou may feel sick.\n\n- drink pleny of water.\n", format="markdown",
                         config={"select": ["GR01"]})
    assert [(f.line, f.column, f.match) for f in findings] == [(1, 8, "efects"), (5, 9, "pleny")]
    assert [c["text"] for c in lt_server.checks()] == ["Side efects\n\nYou may feel sick.\n\ndrink pleny of water."]


def test_variant_option_and_region_in_language(lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url)
    lint_text("Take one tablet.", config={"select": ["GR01"], "rules": {"GR01": {"variant": "en-US"}}})
    lint_text("Take one tablet.", config={"select": ["GR01"], "language": "en-us"})
    assert [c["language"] for c in lt_server.checks()] == ["en-US", "en-US"]


# --- not available: one note, the other rules carry on ------------------------------------------


NOTE_START = "grammar and spelling (GR) not checked"


def test_unavailable_no_findings_other_rules_run_exit_code_unchanged(project):
    write_config(project)  # XT and GR selected; no server, no local LanguageTool
    with_gr = run_cli("spelling.txt", "wording.txt")
    write_config(project, select='["XT"]')
    without_gr = run_cli("spelling.txt", "wording.txt")
    assert with_gr.exit_code == without_gr.exit_code == 0
    assert with_gr.stdout == without_gr.stdout
    assert "XT01" in with_gr.stdout and "GR01" not in with_gr.stdout
    with_fail = run_cli("--fail-on", "warning", "spelling.txt", "wording.txt")
    assert with_fail.exit_code == 1  # from XT01, not from the note


def test_run_note_says_how_to_get_languagetool():
    config = Config(select=("GR",))
    note = run_note(linter_for(config).active_rules(config), "en")
    assert note is not None and note.startswith(NOTE_START) and "\n" not in note
    assert ENV_URL in note and "[rules.GR01] server_url" in note
    assert "python -m medlint.grammar download" in note and "Java 17" in note


def test_run_note_for_an_unreachable_server(monkeypatch):
    import socket

    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv(ENV_URL, f"http://127.0.0.1:{port}")
    config = Config(select=("GR",))
    assert lint_text("Take the tabets with food.", config=config) == []
    note = run_note(linter_for(config).active_rules(config), "en")
    assert note.startswith(NOTE_START) and f"127.0.0.1:{port}" in note
    assert f"(from {ENV_URL})" in note and "connection refused" in note


def test_run_note_for_a_language_the_server_lacks(lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url)
    config = Config(select=("GR",), language="es")
    assert lint_text("Tome una pastilla.", config=config) == []
    assert "does not support language 'es'" in run_note(linter_for(config).active_rules(config), "es")
    assert lt_server.checks() == []


def test_server_failing_mid_run_is_skipped_after_first_failure(lt_server, monkeypatch):
    monkeypatch.setenv(ENV_URL, lt_server.url)
    config = Config(select=("GR",))
    assert lint_text("Take the tabets with food.", config=config)  # works
    lt_server.broken = True
    assert lint_text("Take the tabets with food.", config=config) == []
    assert lint_text("Take the tabets with food.", config=config) == []  # not asked again
    assert len(lt_server.checks()) == 2
    note = run_note(linter_for(config).active_rules(config), "en")
    assert "stopped answering" in note and lt_server.url in note


def test_run_note_without_probe_does_not_contact_anything(monkeypatch):
    monkeypatch.setenv(ENV_URL, "http://127.0.0.1:1/never-probed")
    config = Config(select=("GR",))
    assert run_note(linter_for(config).active_rules(config), "en", probe=False) is None


def test_local_install_is_started_and_nothing_downloaded(tmp_path, monkeypatch):
    """An installed LanguageTool is started with `java ... HTTPServer -p PORT` (a stand-in here)."""
    install = tmp_path / "lt-downloads" / "LanguageTool-6.8"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_grammar import serve_as_java\nserve_as_java(sys.argv)\n",
        encoding="utf-8",
    )
    java.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    config = Config(select=("GR",))
    findings = lint_text("Take the tabets with food.", config=config)
    assert [(f.column, f.match) for f in findings] == [(10, "tabets")]
    assert run_note(linter_for(config).active_rules(config), "en") is None
    assert sorted(p.name for p in (tmp_path / "lt-downloads").iterdir()) == ["LanguageTool-6.8"]


def test_broken_local_install_gives_the_note_quickly(tmp_path, monkeypatch):
    install = tmp_path / "lt-downloads" / "LanguageTool-6.8"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "java").write_text("#!/bin/sh\necho 'Error: Could not find or load main class' >&2\nexit 1\n")
    (bin_dir / "java").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    config = Config(select=("GR",))
    assert lint_text("Take the tabets with food.", config=config) == []
    note = run_note(linter_for(config).active_rules(config), "en")
    assert note.startswith(NOTE_START) and "LanguageTool 6.8" in note and "did not start" in note
    assert "Could not find or load main class" in note


def test_cli_prints_the_note_once_per_run(project):
    write_config(project)
    (project / "third.txt").write_text("Rest.\n", encoding="utf-8")
    result = run_cli("spelling.txt", "wording.txt", "third.txt")
    assert stderr_of(result).count(NOTE_START) == 1


# --- mapping, unit by unit ----------------------------------------------------------------------


def test_lt_match_from_documented_json_with_utf16_offsets():
    text = "Take 2 tablets 💊 every morming."
    raw = json.loads((LT_DATA / "emoji.json").read_text(encoding="utf-8"))["matches"][0]
    match = LTMatch.from_json(raw, text)
    assert text[match.offset:match.end] == "morming"
    assert match.kind == SPELLING and match.severity(Severity.WARNING) is Severity.WARNING
    assert match.finding_message() == "[MORFOLOGIK_RULE_EN_GB] Possible spelling mistake found."
    assert match.suggestions() == ("morning", "mourning")


def test_kinds_and_severities_from_category_and_issue_type():
    data = json.loads((LT_DATA / "grammar-and-style.json").read_text(encoding="utf-8"))
    text = "He have a headache. It is very important to rest. Take the the tablet."
    kinds = [LTMatch.from_json(m, text).kind for m in data["matches"]]
    assert kinds == [GRAMMAR, STYLE, GRAMMAR]
    style = LTMatch("X", "m", 0, 1, category="TYPOGRAPHY", issue_type="typographical")
    assert style.severity(Severity.ERROR) is Severity.INFO
    assert LTMatch("X", "m", 0, 1, category="CASING", issue_type="typographical").kind == GRAMMAR
    assert LTMatch("X", "m", 0, 1, category="MISC", issue_type="misspelling").kind == SPELLING


def test_suggestions_are_the_first_three_without_repeats():
    match = LTMatch("R", "m", 0, 1, replacements=("a", "b", "a", "c", "d"))
    assert match.suggestions() == ("a", "b", "c")


def test_joined_blocks_locate_matches_and_ignore_separators():
    blocks = [Block("heading", "Side efects"), Block("paragraph", "   "), Block("paragraph", "You may feel sick.")]
    joined = join_blocks(blocks)
    assert joined.text == "Side efects\n\nYou may feel sick."
    block, start, end = joined.locate(LTMatch("R", "m", 14, 3))
    assert block.text == "You may feel sick." and (start, end) == (1, 4)
    assert joined.locate(LTMatch("R", "m", 11, 2)) is None  # in the separator
    block, start, end = joined.locate(LTMatch("R", "m", 5, 10))  # runs past its block: clipped
    assert (block.kind, start, end) == ("heading", 5, 11)


def test_known_words():
    known = KnownWords({"myeloma", "x-ray"}, [{"Revlimid", "lenalidomide"}])
    assert known.knows("Revlimid") and known.knows("Revlimid's") and known.knows("myeloma")
    assert known.knows("Myeloma,") and known.knows("lenalidomide-myeloma")
    assert not known.knows("tabets") and not known.knows("")
    assert known.with_words(["tabets"]).knows("Tabets")


def test_language_codes_and_urls():
    assert language_code("en") == "en-GB"
    assert language_code("en", "en-US") == "en-US"
    assert language_code("en-us") == "en-US"
    assert language_code("en", "de-DE") == "en-GB"  # a variant of another language is ignored
    assert language_code("de") == "de-DE" and language_code("fr") == "fr"
    assert normalise_url("localhost:8081") == "http://localhost:8081/"
    assert normalise_url("https://lt.example.org/v2/") == "https://lt.example.org/"


def test_split_text_at_paragraphs():
    text = "aaaa\n\nbbbb\n\ncccc"
    pieces = split_text(text, 8)
    assert "".join(p for _, p in pieces) == text
    assert all(text[start:start + len(p)] == p for start, p in pieces)
    assert all(len(p) <= 8 for _, p in pieces)
    assert split_text("", 8) == [(0, "")]


# --- a real LanguageTool, when there is one -----------------------------------------------------


def _real_languagetool() -> str | None:
    if REAL_URL:
        return f"{ENV_URL}={REAL_URL}"
    if REAL_LOCAL:
        return f"local LanguageTool {REAL_LOCAL[-1][0]}"
    return None


def test_real_languagetool(monkeypatch):
    which = _real_languagetool()
    if which is None:
        pytest.skip(f"no LanguageTool reachable: set {ENV_URL} to a LanguageTool server, or run "
                    "`python -m medlint.grammar download` (needs Java 17+) to test against a real one")
    if REAL_URL:
        monkeypatch.setenv(ENV_URL, REAL_URL)
    else:
        monkeypatch.setenv("LTP_PATH", str(REAL_LOCAL[-1][1].parent))
    config = {"select": ["GR01"]}
    active = linter_for(Config(select=("GR01",)))
    note = run_note(active.active_rules(Config(select=("GR01",))), "en")
    assert note is None, f"{which}: {note}"
    findings = lint_text("Take the tabets with food. Lenalidomide is used for multiple myeloma.", config=config)
    spelling = [f for f in findings if "tabets" in f.match]
    assert spelling and spelling[0].column == 10 and spelling[0].end_column == 16, findings
    assert "tablets" in spelling[0].suggestions
    assert not [f for f in findings if f.match in ("Lenalidomide", "myeloma")], findings
