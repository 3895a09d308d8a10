"""``python -m medlint`` runs the command line."""

from medlint.cli import entry

entry()
