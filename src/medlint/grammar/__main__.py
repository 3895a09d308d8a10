"""``python -m medlint.grammar download|status``: the one-time LanguageTool download, and what GR would use.

medlint never downloads LanguageTool while checking files; this command is the explicit step
(about 250 MB, needs Java 17+ to run afterwards). ``status`` says which LanguageTool the GR
family would use and exits 1 if none.
"""

from __future__ import annotations

import sys

from medlint.grammar.availability import (
    ENV_URL,
    backend_for,
    download_dir,
    local_installs,
    server_url,
)


def _download() -> int:
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    installs = local_installs()
    if installs:
        print(f"LanguageTool {installs[-1][0]} is already installed in {installs[-1][1]}")
        return 0
    print(f"Downloading LanguageTool {LTP_DOWNLOAD_VERSION} into {download_dir()} ...")
    try:
        LocalLanguageTool.from_version_name(LTP_DOWNLOAD_VERSION).download()
    except BaseException as exc:  # SystemExit/ModuleNotFoundError for Java problems, network errors
        if isinstance(exc, KeyboardInterrupt):
            raise
        print(f"medlint: error: download failed: {exc}", file=sys.stderr)
        return 1
    print("Done. Enable the GR rules with extend_select = [\"GR\"] or --extend-select GR.")
    return 0


def _status(option_url: str = "") -> int:
    url, source = server_url(option_url)
    if url:
        print(f"server: {url} (from {source})")
    else:
        print(f"server: none ({ENV_URL} not set)")
        print(f"local installs in {download_dir()}: {', '.join(v for v, _ in local_installs()) or 'none'}")
    backend = backend_for(option_url)
    if backend is None or not backend.available:
        print(backend.problem if backend else "not available")
        return 1
    print(f"using {backend.description}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["download"]:
        return _download()
    if args[:1] == ["status"]:
        return _status(args[1] if len(args) > 1 else "")
    print("usage: python -m medlint.grammar download | status [SERVER_URL]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
