"""Output formats, chosen by name (``--format``); each module registers its reporter."""

from medlint.reporters import github, json, sarif, text  # noqa: F401  (registration)
from medlint.reporters.base import REPORTERS, Reporter

__all__ = ["REPORTERS", "Reporter"]
