"""Sources and credibility analysis shared by the SR rules.

``analyse(doc)`` looks at a Document once (memoised on the document) and returns what the SR
rules need: sources sections and their entries, in-text citations, claims (statistics and
research language), review dates, authors and disclosure statements.
"""

from __future__ import annotations

from medlint.sources.analysis import Analysis, analyse

__all__ = ["Analysis", "analyse"]
