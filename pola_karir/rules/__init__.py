"""Rules: cross-file references, career paths and national regulations, over the assembled model."""
