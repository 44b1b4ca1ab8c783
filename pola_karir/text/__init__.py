"""Text: every user-facing word, one catalogue per language, and the phrase helpers."""
