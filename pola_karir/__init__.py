"""pola-karir: publish an agency's civil-servant career pattern (pola karier PNS) as a static site.

The core (load -> validate -> model -> render) knows nothing of MkDocs; the CLI and the MkDocs
plugin are thin adapters over it.
"""

from __future__ import annotations

__version__ = "0.1.0"
