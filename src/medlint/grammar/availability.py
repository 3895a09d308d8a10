"""Which LanguageTool the GR family uses, checked once per process; nothing is downloaded here.

Order of choice:

1. ``$MEDLINT_LANGUAGETOOL_URL`` (the environment wins over the config file, so a CI job or a
   machine can point at its own server without editing the project's committed config);
2. ``server_url`` under ``[rules.GR01]``;
3. a LanguageTool already installed where ``language_tool_python`` keeps it
   (``$LTP_PATH``, default ``~/.cache/language_tool_python``), started locally with Java.

With none of them, or when the chosen one does not answer, the GR rules report nothing and
:func:`run_note` gives ONE line for the whole run saying how to get LanguageTool. The result of
the check is cached for the process (in ``medlint.rule.Resources``), so a run with 1,000 files
probes once and prints one line. A server that stops answering mid-run is marked failed: the
remaining files skip GR (no timeout per file) and the note says so.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from medlint.grammar.client import LanguageToolClient, _short, describe
from medlint.rule import Resources

ENV_URL = "MEDLINT_LANGUAGETOOL_URL"
OPTION_URL = "[rules.GR01] server_url"
DOWNLOAD_COMMAND = "python -m medlint.grammar download"
HOW_TO = (
    f"set {ENV_URL} or [rules.GR01] server_url to a LanguageTool server, "
    f"or install Java 17+ and run `{DOWNLOAD_COMMAND}` once while online"
)
NOTE_PREFIX = "grammar and spelling (GR) not checked"

#: LanguageTool codes for languages given without a region (LanguageTool spell-checks only a
#: variant of these). English defaults to British English, like the NHS sources our rules cite.
DEFAULT_VARIANTS = {"en": "en-GB", "de": "de-DE", "pt": "pt-PT", "ca": "ca-ES"}

_CACHE_KEY = "medlint.grammar.backend"


class LanguageToolUnavailable(RuntimeError):
    """No LanguageTool to use; ``note`` is the one line to show the user."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


@dataclass
class Backend:
    """A LanguageTool to use (``client``) or why there is none (``problem``, one line)."""

    description: str
    client: LanguageToolClient | None = None
    problem: str | None = None
    unsupported: set[str] = field(default_factory=set)

    @property
    def available(self) -> bool:
        return self.client is not None and self.problem is None

    def fail(self, reason: str) -> None:
        """LanguageTool stopped answering: skip it for the rest of the process."""
        if self.problem is None:
            self.problem = (
                f"{NOTE_PREFIX} in every file: {self.description} stopped answering ({reason}); "
                "check that it is running"
            )


# --- where LanguageTool is --------------------------------------------------------------------


def server_url(option: str = "") -> tuple[str | None, str]:
    """The server URL to use and where it came from; (None, "") for none."""
    env = os.environ.get(ENV_URL, "").strip()
    if env:
        return env, ENV_URL
    if option and option.strip():
        return option.strip(), OPTION_URL
    return None, ""


def normalise_url(url: str) -> str:
    """``host:8081``, ``http://host:8081/v2/`` -> ``http://host:8081/`` (language_tool_python adds v2/)."""
    url = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


def download_dir() -> Path:
    """Where language_tool_python keeps downloaded LanguageTool versions (not created here)."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def local_installs() -> list[tuple[str, Path]]:
    """LanguageTool versions already on disk, newest last: (version, folder)."""
    folder = download_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("LanguageTool-*"):
        version = path.name[len("LanguageTool-"):]
        jar = any((path / name).is_file() for name in ("languagetool-server.jar", "languagetool.jar"))
        if jar and re.fullmatch(r"\d+\.\d+|\d{8}", version):
            found.append((version, path))
    return sorted(found, key=lambda item: tuple(int(p) for p in item[0].split(".")))


def language_code(language: str, variant: str = "") -> str:
    """The LanguageTool code for medlint's ``language``: en -> en-GB (or ``variant``), en-us -> en-US."""
    base, _, region = language.partition("-")
    base = base.lower()
    if region:
        return f"{base}-{region.upper()}"
    if variant and variant.split("-")[0].lower() == base:
        head, _, tail = variant.partition("-")
        return f"{head.lower()}-{tail}" if tail else head.lower()
    return DEFAULT_VARIANTS.get(base, base)


# --- connecting, once per process -------------------------------------------------------------


def backend_for(option_url: str = "", *, timeout: float = 10.0, probe: bool = True) -> Backend | None:
    """The Backend for these settings, found (and started) once per process.

    With ``probe=False`` only an already known backend is returned (None otherwise).
    """
    url, source = server_url(option_url)
    key = (_CACHE_KEY, "server", normalise_url(url)) if url else (_CACHE_KEY, "local", str(download_dir()))
    cache = Resources()
    if not probe and key not in cache._cache:
        return None
    if url:
        return cache.get(key, lambda: _connect_server(normalise_url(url), source, timeout))
    return cache.get(key, lambda: _start_local(timeout))


def _connect_server(url: str, source: str, timeout: float) -> Backend:
    description = f"the LanguageTool server at {url}"
    try:
        import requests

        response = requests.get(url + "v2/languages", timeout=timeout)
        response.raise_for_status()
        languages = _language_codes(response.json())
    except Exception as exc:
        reason = describe(exc, timeout)
        if isinstance(exc, ValueError) and "LanguageTool" not in reason:  # JSONDecodeError is a ValueError
            reason = "not a LanguageTool server (its answer to /v2/languages is not JSON)"
        return Backend(description, problem=(
            f"{NOTE_PREFIX}: cannot use the LanguageTool server at {url} (from {source}): "
            f"{reason}; start it or fix the URL"
        ))
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language="auto", remote_server=url)
        _set_timeout(tool, timeout)
    except Exception as exc:
        return Backend(description, problem=f"{NOTE_PREFIX}: {description} (from {source}) failed: {describe(exc, timeout)}")
    return Backend(description, client=LanguageToolClient(tool, description, languages))


def _start_local(timeout: float) -> Backend:
    installs = local_installs()
    if not installs:
        return Backend("a local LanguageTool", problem=(
            f"{NOTE_PREFIX}: no LanguageTool (no server URL set, none installed in {download_dir()}); "
            f"{HOW_TO}"
        ))
    version, folder = installs[-1]
    description = f"the local LanguageTool {version}"
    java = shutil.which("java")
    if java is None:
        return Backend(description, problem=(
            f"{NOTE_PREFIX}: {description} needs Java 17 or later, which was not found; install Java "
            f"or set {ENV_URL} or [rules.GR01] server_url to a LanguageTool server"
        ))
    try:
        url = _start_local_server(java, folder, max(timeout * 3, 30.0))
    except Exception as exc:
        return Backend(description, problem=(
            f"{NOTE_PREFIX}: {description} in {folder} did not start ({_short(exc)}); it needs Java 17 "
            f"or later; or set {ENV_URL} or [rules.GR01] server_url to a LanguageTool server"
        ))
    backend = _connect_server(url, "a local install", timeout)
    backend.description = description
    if backend.client is not None:
        backend.client.description = description
    return backend


def _start_local_server(java: str, folder: Path, startup_timeout: float) -> str:
    """Start LanguageTool's HTTP server from an installed folder, once; its URL.

    Started here rather than by ``language_tool_python.LanguageTool()``, which would try to
    download a missing version and retries a failing start on hundreds of ports. The server
    listens on 127.0.0.1 only and is stopped when the process exits.
    """
    jar = next(p for p in (folder / "languagetool-server.jar", folder / "languagetool.jar") if p.is_file())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(  # noqa: S603 - java from PATH, jar from the install folder
        [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "-p", str(port)],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
    )
    atexit.register(_stop, process)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + startup_timeout
    import requests

    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            log.seek(0)
            lines = [l for l in log.read().decode("utf-8", "replace").splitlines() if l.strip()]
            raise RuntimeError(f"exit code {code}" + (f": {lines[-1].strip()}" if lines else ""))
        try:
            if requests.get(url + "v2/languages", timeout=2).ok:
                return url
        except requests.RequestException:
            pass
        time.sleep(0.25)
    _stop(process)
    raise RuntimeError(f"no answer within {startup_timeout:g} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()


def _language_codes(data: Any) -> list[str]:
    """Codes from ``GET /v2/languages``: ``[{"name", "code", "longCode"}, ...]``."""
    if not isinstance(data, list):
        raise ValueError("not a LanguageTool server (unexpected answer to /v2/languages)")
    codes = []
    for item in data:
        if isinstance(item, dict):
            codes += [str(item.get("code") or ""), str(item.get("longCode") or "")]
    return [c for c in codes if c]


def _set_timeout(tool: Any, timeout: float) -> None:
    # language_tool_python waits up to 300 s per request (class attribute _TIMEOUT); a hung server
    # would stall every file. An instance attribute overrides it; harmless if the name changes.
    try:
        tool._TIMEOUT = max(float(timeout), 1.0) * 3
    except Exception:  # pragma: no cover
        pass


# --- what the rule and the run use ------------------------------------------------------------


def require(option_url: str, language: str, variant: str = "", *, timeout: float = 10.0) -> tuple[LanguageToolClient, str]:
    """The client and LanguageTool code to check ``language`` with, or LanguageToolUnavailable."""
    backend = backend_for(option_url, timeout=timeout)
    assert backend is not None
    if not backend.available:
        raise LanguageToolUnavailable(backend.problem or f"{NOTE_PREFIX}: LanguageTool is not available")
    code = language_code(language, variant)
    assert backend.client is not None
    if not backend.client.supports(code):
        raise LanguageToolUnavailable(f"{NOTE_PREFIX}: {backend.description} does not support language {code!r}")
    return backend.client, code


def run_note(active_rules: Iterable[Any], language: str, *, probe: bool = True) -> str | None:
    """The one line to show once per run when a GR rule is on but LanguageTool cannot be used.

    ``active_rules`` are the run's ``engine.ActiveRule`` objects (anything with ``.rule`` and
    ``.options``); ``language`` is the config's language. None when no GR rule is active for this
    language, or LanguageTool works. With ``probe=False`` a LanguageTool that no file needed yet
    is not contacted (None).
    """
    for active in active_rules:
        rule = active.rule
        if not rule.id.startswith("GR") or not rule.supports(language):
            continue
        options = active.options
        backend = backend_for(options.get("server_url", ""), timeout=options.get("timeout", 10.0), probe=probe)
        if backend is None:
            return None
        try:
            require(options.get("server_url", ""), language, options.get("variant", ""), timeout=options.get("timeout", 10.0))
        except LanguageToolUnavailable as exc:
            return exc.note
        return None
    return None
