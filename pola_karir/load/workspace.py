"""What the rules see of a data folder: the model assembled from its valid files, plus the few
facts that are truly about files.

There is no parsed document here, on purpose: every value a rule cites carries the location it
was written at (recorded by :mod:`pola_karir.load.assemble`), so the rules never go back to the
YAML. What stays file-level is which files exist (``sources``), which of them failed to parse or
to pass their schema (``broken``: their ids still exist, so references to them are not reported
again as unknown) and the diagnostics found while reading them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from pola_karir.diagnostics import Diagnostic
from pola_karir.load.layout import SourceFile
from pola_karir.load.reuse import Derivations
from pola_karir.model import (
    Agency,
    CareerPath,
    Competency,
    Dataset,
    FieldGroup,
    JobFamily,
    Position,
    Regulation,
    Training,
    Unit,
)


@dataclass(frozen=True)
class Workspace:
    root: Path
    sources: Mapping[tuple[str, str], SourceFile] = field(default_factory=dict)
    broken: Mapping[str, frozenset[str]] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    agency: Agency | None = None
    units: Mapping[str, Unit] = field(default_factory=dict)
    positions: Mapping[str, Position] = field(default_factory=dict)
    families: Mapping[str, JobFamily] = field(default_factory=dict)
    competencies: Mapping[str, Competency] = field(default_factory=dict)
    trainings: Mapping[str, Training] = field(default_factory=dict)
    regulations: Mapping[str, Regulation] = field(default_factory=dict)
    paths: Mapping[str, CareerPath] = field(default_factory=dict)
    field_groups: Mapping[str, FieldGroup] = field(default_factory=dict)
    # Agency catalogue entries that reuse a national id (PK204): left out of the model, but
    # what they cite is still checked, as it is written in the agency's file.
    set_aside: tuple[Competency | Training, ...] = ()
    # What a long-lived process kept from its previous validation (:mod:`pola_karir.load.reuse`):
    # rules may reuse their diagnostics for items that are the very same objects as then.
    reuse: Derivations | None = field(default=None, compare=False, repr=False)

    def dataset(self) -> Dataset | None:
        """The model as the site and the engines use it; None without an agency file.
        Built by field name, so a field added to :class:`Dataset` is carried over here too."""
        if self.agency is None:
            return None
        return Dataset(**{f.name: getattr(self, f.name) for f in fields(Dataset)})

    def is_broken(self, kind: str, entity_id: str) -> bool:
        """Whether ``entity_id`` names a file (or a catalogue entry) that exists but is broken."""
        return entity_id in self.broken.get(kind, frozenset())
