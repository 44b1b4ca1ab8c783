"""Rendering the validated model into site pages and diagrams (no MkDocs imports here)."""
