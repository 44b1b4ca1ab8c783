"""pola-karir: publish an agency's civil-servant career pattern (pola karier PNS) as a static site.

The core (load -> validate -> model -> render) knows nothing of MkDocs; the CLI and the MkDocs
plugin are thin adapters over it. What is named in ``__all__`` is the public API: other
programs (an agency's own scripts, a future MkDocs successor's adapter) may rely on it, and
``tests/test_api.py`` fails when it changes by accident.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pola_karir.diagnostics import Diagnostic, Severity
from pola_karir.model import (
    CareerPath,
    Dataset,
    JobFamily,
    Location,
    Move,
    Origin,
    Position,
    Requirements,
    Unit,
)
from pola_karir.rules.validate import ValidationResult, validate_project

__all__ = [
    "CareerPath",
    "Dataset",
    "Diagnostic",
    "JobFamily",
    "Location",
    "Move",
    "Origin",
    "Position",
    "Requirements",
    "Severity",
    "Unit",
    "ValidationResult",
    "__version__",
    "validate_project",
]
