"""Extra ``medlint`` subcommands, one module each; every module exposes a Click ``command``."""
