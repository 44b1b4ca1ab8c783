"""Audit: a staff list checked against the requirements of each person's own position."""
