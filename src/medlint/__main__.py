"""``python -m medlint`` runs the command line."""

from medlint.cli import main

main()
