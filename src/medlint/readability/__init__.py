"""Readability helpers for the RD rules and ``medlint stats``: text preparation and scores
(``scoring``), per-language formulas and grade scales (``languages``), abbreviations
(``abbreviations``) and passive voice (``passive``). Everything here works offline.
"""

from medlint.readability import offline

offline.install()  # before any module here imports textstat
