"""Read a data folder: discover, parse and schema-check every file, then assemble the model.

This is the one module that holds a folder's parsed documents, and they do not leave it: the
rules get a :class:`~pola_karir.load.workspace.Workspace`, the model plus the facts that are
about files. The workspace remembers every id that exists on disk, even when its file failed to
parse or to pass its schema: a broken file is reported once, at its own location, and
references to it are not reported again as "unknown".

Three checks are made here rather than in :mod:`pola_karir.rules`, because they decide what
enters the model while its documents are read: an ``id`` that differs from its file name
(PK203), a unit id written twice in one tree (PK202: the second one is left out) and an agency
entry that reuses a national id (PK204: the national one is kept).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from pola_karir.diagnostics import Diagnostic, diag, has_errors, term
from pola_karir.load import assemble, parallel
from pola_karir.load.layout import SourceFile, discover
from pola_karir.load.reuse import Derivations
from pola_karir.load.schema import validate_document
from pola_karir.load.workspace import Workspace
from pola_karir.load.yaml_loader import Document, JsonPath, load_document, parse_bytes
from pola_karir.model import (
    Agency,
    CareerPath,
    Competency,
    FieldGroup,
    JobFamily,
    Position,
    Regulation,
    Training,
    Unit,
)

T = TypeVar("T")


@dataclass
class _Loading:
    """The folder being read: mutable while its files are read, then frozen into a Workspace."""

    root: Path
    sources: dict[tuple[str, str], SourceFile] = field(default_factory=dict)
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    diagnostics: list[Diagnostic] = field(default_factory=list)
    agency: Agency | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    families: dict[str, JobFamily] = field(default_factory=dict)
    competencies: dict[str, Competency] = field(default_factory=dict)
    trainings: dict[str, Training] = field(default_factory=dict)
    regulations: dict[str, Regulation] = field(default_factory=dict)
    paths: dict[str, CareerPath] = field(default_factory=dict)
    field_groups: dict[str, FieldGroup] = field(default_factory=dict)
    set_aside: list[Competency | Training] = field(default_factory=list)
    derived: Derivations | None = None
    grades: assemble.GradeOrigins = field(default_factory=dict)
    # Entities made from a document while worker processes still read theirs, by (kind, id),
    # with the document they were made from (see _make_early).
    early: dict[tuple[str, str], tuple[Document, Position | CareerPath]] = field(
        default_factory=dict
    )

    def derive(self, source: SourceFile, inputs: tuple[object, ...], build: Callable[[], T]) -> T:
        """What ``build`` makes from ``source`` and ``inputs`` (its document first), reused
        from the previous load when :attr:`derived` holds it for the same objects. The file
        is named by its fields as text (equal text, equal :class:`SourceFile`): comparing
        path objects was most of the cost of reusing."""
        if self.derived is None:
            return build()
        key = (source.kind, source.relative)
        named = (str(source.path), source.display, source.id)
        return self.derived.derive(key, (*named, *inputs), build)

    def document(self, kind: str, entity_id: str) -> Document | None:
        return self.documents.get((kind, entity_id))

    def docs_of(self, kind: str) -> list[tuple[SourceFile, Document]]:
        return [(self.sources[key], doc) for key, doc in self.documents.items() if key[0] == kind]

    def workspace(self) -> Workspace:
        return Workspace(
            root=self.root,
            sources=self.sources,
            broken={kind: frozenset(ids) for kind, ids in self.broken.items()},
            diagnostics=tuple(self.diagnostics),
            agency=self.agency,
            units=self.units,
            positions=self.positions,
            families=self.families,
            competencies=self.competencies,
            trainings=self.trainings,
            regulations=self.regulations,
            paths=self.paths,
            field_groups=self.field_groups,
            set_aside=tuple(self.set_aside),
            reuse=self.derived,
        )


Reader = Callable[[SourceFile], tuple[Document | None, list[Diagnostic]]]


def read_source(source: SourceFile) -> tuple[Document | None, list[Diagnostic]]:
    """Parse and schema-check one file: the document (None when it could not be parsed) and
    what is wrong with it."""
    document, found = load_document(source.path, source.display)
    if document is not None:
        found += validate_document(document, source.kind)
    return document, found


def check_bytes(source: SourceFile, raw: bytes) -> tuple[Document | None, list[Diagnostic]]:
    """:func:`read_source` for bytes already read from ``source.path``."""
    document, found = parse_bytes(raw, source.path, source.display)
    if document is not None:
        found += validate_document(document, source.kind)
    return document, found


def processes_for(read: Reader, jobs: int | None, files: int) -> int:
    """How many processes load ``files`` files with ``read`` when ``jobs`` were asked for (None:
    as :func:`~pola_karir.load.parallel.jobs_for` chooses), and check their rules: one with
    another reader than :func:`read_source`, which keeps state in this process (its
    long-lived caller also reuses the rules' findings per item there)."""
    if read is not read_source:
        return 1
    return parallel.jobs_for(files) if jobs is None else jobs


def load_workspace(
    root: Path,
    shown_root: str | None = None,
    read: Reader = read_source,
    jobs: int | None = None,
    derived: Derivations | None = None,
) -> Workspace:
    """Discover, parse and schema-check every file; assemble the entities of the valid ones.

    ``read`` parses one file; the history (:mod:`pola_karir.history`) passes one that reuses
    the documents of files unchanged since the previous revision it read. ``jobs`` processes
    parse and check the files with :func:`read_source` (:mod:`pola_karir.load.parallel`; by
    default every core for a large folder, one for a small one, and always one with another
    reader, which keeps state in this process).
    ``derived`` keeps the entities built from each file between loads (:mod:`.reuse`): given
    with a reader that returns the same document object for an unchanged file, only the
    entities of changed files are built again."""
    space = _Loading(root, derived=derived)
    if derived is not None:
        derived.start()
    files, problems = discover(root, shown_root)
    space.diagnostics.extend(problems)
    jobs = processes_for(read, jobs, len(files))
    results = _read(space, files, read, jobs)
    for source, (document, found) in zip(files, results, strict=True):
        space.sources[(source.kind, source.id)] = source
        space.diagnostics.extend(found)
        if not _usable(document, found):
            space.broken[source.kind].add(source.id)
            _remember_partial_ids(space, source, document)
            continue
        space.documents[(source.kind, source.id)] = document
        if "id" in document.data and document.data["id"] != source.id:
            space.diagnostics.append(
                diag(
                    "PK203",
                    document.location(("id",)),
                    id=document.data["id"],
                    name=source.path.name,
                )
            )
    _assemble(space)
    return space.workspace()


def _usable(document: Document | None, found: list[Diagnostic]) -> TypeGuard[Document]:
    """Whether a file's document enters the model (most files have no finding at all)."""
    return document is not None and not (found and has_errors(found))


def _read(space: _Loading, files: list[SourceFile], read: Reader, jobs: int) -> list[parallel.Read]:
    """What ``read`` gives for each of ``files``, in order, on ``jobs`` processes. With
    several, the job families are read first, here: then the positions and career paths of
    every chunk can be made as soon as this process has it, while the workers still read
    (:func:`_make_early`)."""
    if jobs <= 1 or space.derived is not None:
        return parallel.read_all(files, read, jobs)
    first = {i: read(f) for i, f in enumerate(files) if f.kind == "jabatan-fungsional"}
    families = {
        files[i].id: document for i, (document, found) in first.items() if _usable(document, found)
    }
    rest = [source for i, source in enumerate(files) if i not in first]
    early = partial(_make_early, space, families)
    more = iter(parallel.read_all(rest, read, jobs, early))
    return [first[i] if i in first else next(more) for i in range(len(files))]


def _make_early(
    space: _Loading,
    families: Mapping[str, Document],
    sources: Sequence[SourceFile],
    results: Sequence[parallel.Read],
) -> None:
    """The career paths and positions of a chunk, made as soon as this process has it, while
    the workers still read (:func:`~pola_karir.load.parallel.read_all`); :func:`_assemble`
    takes them in file order, as it would have made them (``families``: the usable job family
    documents, read before the rest). A position of a job family with no usable file is left to
    :func:`_assemble`."""
    for source, (document, found) in zip(sources, results, strict=True):
        if not _usable(document, found):
            continue
        key = (source.kind, source.id)
        if source.kind == "jalur":
            space.early[key] = (document, assemble.career_path(source, document))
        elif source.kind == "jabatan":
            family_id = document.data.get("jabatan_fungsional")
            if family_id and family_id not in families:
                continue
            family_doc = families[family_id] if family_id else None
            made = assemble.position(source, document, family_doc, space.grades)
            space.early[key] = (document, made)


def _early(space: _Loading, source: SourceFile, document: Document) -> Position | CareerPath | None:
    """What :func:`_make_early` made of ``document``, if anything."""
    made = space.early.get((source.kind, source.id))
    return made[1] if made is not None and made[0] is document else None


def _remember_partial_ids(space: _Loading, source: SourceFile, doc: Document | None) -> None:
    """Ids inside a broken catalogue file still count as existing."""
    if doc is None or source.kind not in ("kompetensi", "pelatihan"):
        return
    entries = doc.data.get(source.kind)
    if isinstance(entries, dict):
        space.broken[source.kind].update(str(key) for key in entries)


def _assemble(space: _Loading) -> None:
    base = assemble.national()
    space.regulations.update(base.regulations)
    space.competencies.update(base.competencies)
    space.trainings.update(base.trainings)
    for source, doc in space.docs_of("dasar-hukum"):
        if _redefines(space, doc, source.id, base.regulations, "kind.regulation", ()):
            continue
        space.regulations[source.id] = space.derive(
            source, (doc,), partial(assemble.regulation, source.id, doc, source=source.relative)
        )
    catalogues: tuple[tuple[str, Any, Mapping[str, Any], dict[str, Any], str], ...] = (
        (
            "kompetensi",
            assemble.competency_entries,
            base.competencies,
            space.competencies,
            "kind.competency",
        ),
        (
            "pelatihan",
            assemble.training_entries,
            base.trainings,
            space.trainings,
            "kind.training",
        ),
    )
    for kind, entries, national, target, label in catalogues:
        for source, doc in space.docs_of(kind):
            made = space.derive(
                source, (doc,), partial(_listed, entries, doc, source=source.relative)
            )
            for entry_id, entry in made:
                if _redefines(space, doc, entry_id, national, label, (kind, entry_id)):
                    space.set_aside.append(entry)
                else:
                    target[entry_id] = entry
    for source, doc in space.docs_of("instansi"):
        space.agency = space.derive(source, (doc,), partial(assemble.agency, doc, source.relative))
    _assemble_units(space)
    for source, doc in space.docs_of("jabatan-fungsional"):
        space.families[source.id] = space.derive(
            source, (doc,), partial(assemble.job_family, source, doc)
        )
    for source, doc in space.docs_of("jabatan"):
        ready = _early(space, source, doc)
        if isinstance(ready, Position):
            space.positions[source.id] = ready
            continue
        family_id = doc.data.get("jabatan_fungsional")
        family_doc = space.document("jabatan-fungsional", family_id) if family_id else None
        space.positions[source.id] = space.derive(
            source,
            (doc, family_doc),
            partial(assemble.position, source, doc, family_doc, space.grades),
        )
    for source, doc in space.docs_of("jalur"):
        ready = _early(space, source, doc)
        space.paths[source.id] = (
            ready
            if isinstance(ready, CareerPath)
            else space.derive(source, (doc,), partial(assemble.career_path, source, doc))
        )
    for source, doc in space.docs_of("rumpun-pendidikan"):
        space.field_groups.update(
            space.derive(
                source, (doc,), partial(_listed, assemble.field_groups, doc, source.relative)
            )
        )


def _listed(make: Callable[..., Iterable[T]], *args: Any, **kwargs: Any) -> list[T]:
    """What ``make`` yields, kept as a list (a generator could be read only once)."""
    return list(make(*args, **kwargs))


def _redefines(
    space: _Loading,
    doc: Document,
    entity_id: str,
    national: object,
    kind: str,
    path: JsonPath,
) -> bool:
    """Report (PK204) an agency entry that reuses a national id; ``kind`` is its term key."""
    if not isinstance(national, dict) or entity_id not in national:
        return False
    space.diagnostics.append(
        diag("PK204", doc.location(path, key=True), kind=term(kind), id=entity_id)
    )
    return True


def _assemble_units(space: _Loading) -> None:
    for source, doc in space.docs_of("unit"):
        tree = space.derive(source, (doc,), partial(_listed, assemble.unit_tree, source, doc))
        for unit, path in tree:
            if unit.id in space.units:
                first = space.units[unit.id].location
                other: dict[str, object] = (
                    {"other": term("where.line"), "other_line": first.line}
                    if first
                    else {"other": term("where.other_file")}
                )
                space.diagnostics.append(
                    diag(
                        "PK202",
                        doc.location((*path, "id")),
                        kind=term("PK202.kind.unit"),
                        id=unit.id.rsplit("/", 1)[-1],
                        **other,
                    )
                )
                continue
            space.units[unit.id] = unit
