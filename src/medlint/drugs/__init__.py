"""Helpers of the DR rules: the compiled drug-name matcher (``matcher``) and dose designations (``doses``)."""
