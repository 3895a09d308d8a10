"""Helpers of the GB family (garbled machine rewording): swap lexicon, detection, spinner markers."""
