"""LanguageTool for the GR family: where to find it, how to call it, how its matches become findings.

- ``availability``: which LanguageTool to use (a server URL from ``$MEDLINT_LANGUAGETOOL_URL`` or
  ``[rules.GR01] server_url``, else a local install found on disk), checked once per process,
  never downloaded at run time; and the one-line note shown when it is missing (``run_note``).
- ``client``: a thin wrapper around ``language_tool_python.LanguageTool`` (one per backend).
- ``mapping``: LanguageTool matches (HTTP API ``/v2/check`` JSON or ``language_tool_python``
  ``Match`` objects) to positions, severities, messages and suggestions; the known-words filter.

``python -m medlint.grammar download`` is the explicit, one-time download of LanguageTool.
"""

from __future__ import annotations

from medlint.grammar.availability import (
    ENV_URL,
    LanguageToolUnavailable,
    backend_for,
    language_code,
    run_note,
)

__all__ = ["ENV_URL", "LanguageToolUnavailable", "backend_for", "language_code", "run_note"]
