"""medlint: a linter for patient-facing health texts.

>>> from medlint import lint_text
>>> [(f.rule, f.match, f.suggestions) for f in lint_text("Please administer it.", config={"select": ["RD03"]})]
[('RD03', 'administer', ('give',))]
"""

from medlint.api import Report, lint_paths, lint_text
from medlint.findings import Applicability, Finding, Severity

__all__ = ["Applicability", "Finding", "Report", "Severity", "lint_paths", "lint_text"]
__version__ = "0.1.0"
