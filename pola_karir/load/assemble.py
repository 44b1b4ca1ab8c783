"""Build the model from schema-valid documents.

Only documents that passed their schema reach this module, so it may rely on the shapes the
schemas guarantee. Cross-file meaning (references, inheritance, national rules) is checked
afterwards by :mod:`pola_karir.rules`; this module only resolves what it can and never fails.

It is also the last place that reads the documents: every value a rule cites is given its
location here (a citation's :attr:`~pola_karir.model.LegalRef.location`, a requirement's
:class:`~pola_karir.model.Origin`, an entity's :class:`~pola_karir.model.Marks`), so the rules
work on the model alone and never re-apply the inheritance rule to find a line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pola_karir.load.layout import SourceFile
from pola_karir.load.marks import MarkTable
from pola_karir.load.schema import validate_document
from pola_karir.load.yaml_loader import Document, JsonPath, load_document
from pola_karir.model import (
    Agency,
    AgencyRegulation,
    Article,
    CareerPath,
    Competency,
    CompetencyStandard,
    EducationRequirement,
    ExperienceRequirement,
    FieldGroup,
    GradeSpec,
    JobFamily,
    LegalRef,
    Location,
    Marks,
    Move,
    Origin,
    PerformanceRequirement,
    Placement,
    Position,
    RankRequirement,
    Regulation,
    Requirements,
    Signatory,
    TalentSettings,
    TargetMark,
    TargetType,
    Training,
    Unit,
)
from pola_karir.reference import REFERENCE_DIR

Data = Mapping[str, Any]
Locate = Callable[[JsonPath], Location | None]


def refs(value: Any, locate: Locate, path: JsonPath) -> tuple[LegalRef, ...]:
    """A ``dasar_hukum`` value (one citation or a list) at ``path`` as parsed references, each
    located by ``locate`` (the item of a list, or the value itself)."""
    if isinstance(value, str):
        return (LegalRef.parse(value, locate(path)),)
    if isinstance(value, list):
        return tuple(
            LegalRef.parse(item, locate((*path, index)))
            for index, item in enumerate(value)
            if isinstance(item, str)
        )
    return ()


def _in(doc: Document, *base: str | int) -> Locate:
    """Locate paths below ``base`` in ``doc``."""
    return doc.below(base)


def _cited(doc: Document, data: Data, *base: str | int) -> tuple[LegalRef, ...]:
    """The ``dasar_hukum`` of the mapping ``data`` written at ``base`` in ``doc``."""
    cited = data.get("dasar_hukum")
    return () if cited is None else refs(cited, _in(doc, *base), ("dasar_hukum",))


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value) if isinstance(value, list) else ()


# --- national reference data ----------------------------------------------------------------


@dataclass(frozen=True)
class National:
    regulations: Mapping[str, Regulation]
    competencies: Mapping[str, Competency]
    trainings: Mapping[str, Training]


def _load_reference(relative: str, kind: str) -> Document:
    path = REFERENCE_DIR / relative
    document, problems = load_document(path, f"pola_karir/reference/{relative}")
    problems += validate_document(document, kind) if document else []
    if document is None or problems:
        # A packaging bug for developers, not HR: codes, positions and values are enough.
        details = "; ".join(
            f"{p.code} at {p.location.line}:{p.location.column} {p.params}" for p in problems
        )
        raise RuntimeError(f"packaged reference data {relative} is broken: {details}")
    return document


@cache
def national() -> National:
    """The regulations, competency dictionary and trainings every agency shares."""
    regulations = {}
    for path in sorted((REFERENCE_DIR / "dasar-hukum").glob("*.yml")):
        document = _load_reference(f"dasar-hukum/{path.name}", "dasar-hukum")
        regulations[path.stem] = regulation(path.stem, document, national=True)
    competencies = dict(competency_entries(_load_reference("kompetensi.yml", "kompetensi"), True))
    trainings = dict(training_entries(_load_reference("pelatihan.yml", "pelatihan"), True))
    return National(regulations, competencies, trainings)


# --- one builder per entity kind ------------------------------------------------------------


def regulation(reg_id: str, doc: Document, national: bool = False, source: str = "") -> Regulation:
    data = doc.data
    articles = {
        key: Article(key, item["sebutan"], item.get("isi", ""), item.get("sumber", ""))
        for key, item in data.get("pasal", {}).items()
    }
    return Regulation(
        id=reg_id,
        kind=data["jenis"],
        number=data["nomor"],
        year=data["tahun"],
        title=data["tentang"],
        short_name=data.get("singkatan", ""),
        url=data.get("tautan", ""),
        status=data.get("status", ""),
        note=data.get("keterangan", ""),
        fictional=bool(data.get("fiktif", False)),
        # Shipped with the package, or a national regulation the agency adds (nasional: true),
        # e.g. the regulation of one of its job families that pola-karir does not ship.
        national=national or bool(data.get("nasional", False)),
        articles=articles,
        location=doc.location(),
        source=source,
    )


def competency_entries(
    doc: Document, national: bool = False, source: str = ""
) -> Iterator[tuple[str, Competency]]:
    for comp_id, item in doc.data["kompetensi"].items():
        levels = tuple(item["level"][str(n)] for n in range(1, 6))
        indicators = item.get("indikator_perilaku", {})
        yield (
            comp_id,
            Competency(
                id=comp_id,
                name=item["nama"],
                group=item.get("kelompok", "teknis"),
                definition=item["definisi"],
                levels=levels,
                code=item.get("kode", ""),
                indicators=tuple(tuple(indicators.get(str(n), ())) for n in range(1, 6)),
                legal_basis=_cited(doc, item, "kompetensi", comp_id),
                national=national,
                location=doc.location(("kompetensi", comp_id), key=True),
                source=source,
            ),
        )


def training_entries(
    doc: Document, national: bool = False, source: str = ""
) -> Iterator[tuple[str, Training]]:
    for training_id, item in doc.data["pelatihan"].items():
        yield (
            training_id,
            Training(
                id=training_id,
                name=item["nama"],
                kind=item["jenis"],
                short_name=item.get("singkatan", ""),
                provider=item.get("penyelenggara", ""),
                note=item.get("keterangan", ""),
                legal_basis=_cited(doc, item, "pelatihan", training_id),
                national=national,
                location=doc.location(("pelatihan", training_id), key=True),
                source=source,
            ),
        )


def agency(doc: Document, source: str = "") -> Agency:
    data = doc.data
    reg = data["regulasi"]
    return Agency(
        name=data["nama"],
        short_name=data.get("singkatan", data["nama"]),
        regulation=AgencyRegulation(
            kind=reg["jenis"],
            number=reg["nomor"],
            year=reg["tahun"],
            title=reg["tentang"],
            enacted=reg.get("tanggal_penetapan", ""),
            effective=reg.get("berlaku_mulai", ""),
            url=reg.get("tautan", ""),
            fictional=bool(reg.get("fiktif", False)),
            regulation_id=reg.get("dasar_hukum_id", ""),
            place=reg.get("ditetapkan_di", ""),
            signatory=Signatory(
                title=reg.get("penandatangan", {}).get("jabatan", ""),
                name=reg.get("penandatangan", {}).get("nama", ""),
            ),
        ),
        fictional=bool(data.get("fiktif", False)),
        address=data.get("alamat", ""),
        contact=data.get("kontak", ""),
        legal_basis=_cited(doc, data),
        location=doc.location(),
        source=source,
        marks=_marks(doc, data, values=(("regulasi", "dasar_hukum_id"),)),
        talent=talent_settings(doc, data.get("manajemen_talenta")),
    )


def talent_settings(doc: Document, data: Data | None) -> TalentSettings:
    """``manajemen_talenta`` of instansi.yml; absent, no jenis is a target and the pool of
    successors is the tool's default."""
    if not data:
        return TalentSettings()
    types = tuple(
        TargetType(
            item["jenis"],
            item.get("jumlah_suksesor"),
            doc.location(("manajemen_talenta", "jabatan_target", index, "jenis")),
        )
        for index, item in enumerate(data.get("jabatan_target", []))
    )
    boxes = data.get("kotak_suksesi")
    if boxes is None:
        return TalentSettings(types)
    return TalentSettings(types, tuple((box["kinerja"], box["potensial"]) for box in boxes))


def target_mark(doc: Document, value: Any) -> TargetMark | None:
    """``jabatan_target`` of a position: ``true``/``false`` or ``{jumlah_suksesor: N}``."""
    if value is None:
        return None
    where = doc.location(("jabatan_target",))
    if isinstance(value, bool):
        return TargetMark(value, None, where)
    return TargetMark(True, value.get("jumlah_suksesor"), where)


def _marks(
    doc: Document, data: Data, values: tuple[JsonPath, ...], keys: tuple[str, ...] = ()
) -> Marks:
    """The locations of the ``values`` (and top-level ``keys``) that ``data`` does hold."""
    return Marks(
        values={path: doc.location(path) for path in values if _holds(data, path)},
        keys={(key,): doc.location((key,), key=True) for key in keys if key in data},
    )


def _holds(data: Any, path: JsonPath) -> bool:
    for part in path:
        if isinstance(part, int):
            found = isinstance(data, list) and 0 <= part < len(data)
        else:
            found = isinstance(data, dict) and part in data
        if not found:
            return False
        data = data[part]
    return True


def _walks(data: Any, path: JsonPath) -> bool:
    """Whether ``path`` leads to a value in ``data``, step by step as
    :meth:`~pola_karir.load.marks.MarkTable.chain` follows it (a mapping by text keys, a list
    by integer indexes that are not booleans)."""
    for part in path:
        if isinstance(data, dict):
            if not isinstance(part, str) or part not in data:
                return False
        elif isinstance(data, list):
            if isinstance(part, bool) or not isinstance(part, int) or not 0 <= part < len(data):
                return False
        else:
            return False
        data = data[part]
    return True


def unit_tree(source: SourceFile, doc: Document) -> Iterator[tuple[Unit, tuple[str | int, ...]]]:
    """Every unit of one perangkat daerah file, with the document path where it is written."""
    data = doc.data
    yield from _units(source.id, data, None, (), doc, source.relative, top=True)


def _units(
    unit_id: str,
    data: Data,
    parent: str | None,
    path: tuple[str | int, ...],
    doc: Document,
    source: str,
    top: bool = False,
) -> Iterator[tuple[Unit, tuple[str | int, ...]]]:
    children = [f"{unit_id}/{child['id']}" for child in data.get("sub", [])]
    yield (
        Unit(
            id=unit_id,
            name=data["nama"],
            kind=data.get("jenis", ""),
            short_name=data.get("singkatan", ""),
            description=data.get("keterangan", ""),
            parent=parent,
            children=tuple(dict.fromkeys(children)),
            legal_basis=_cited(doc, data, *path),
            location=doc.location(path if not top else ()),
            source=source,
        ),
        path,
    )
    for index, child in enumerate(data.get("sub", [])):
        child_id = f"{unit_id}/{child['id']}"
        yield from _units(child_id, child, unit_id, (*path, "sub", index), doc, source)


Origins = Mapping[tuple[str | int, ...], Origin]


def requirements(data: Data | None, origins: Origins | None = None) -> Requirements:
    """The requirements ``data`` states; ``origins`` (see :func:`requirement_origins`) says
    where each part was written, which also locates the citations of each part."""
    if not data:
        return Requirements(origins={} if origins is None else origins)
    where = _from_origins({} if origins is None else origins)
    return Requirements(
        education=_education(data.get("pendidikan"), where),
        rank=_rank(data.get("golongan"), where),
        experience=tuple(
            _experience(item, where, index) for index, item in enumerate(data.get("pengalaman", []))
        ),
        trainings=tuple(data.get("pelatihan", [])),
        certifications=tuple(data.get("sertifikasi", [])),
        performance=_performance(data.get("kinerja"), where),
        competencies=_competencies(data.get("kompetensi"), where),
        origins={} if origins is None else origins,
    )


def _from_origins(origins: Origins) -> Locate:
    def locate(path: JsonPath) -> Location | None:
        origin = origins.get(path)
        return origin.location if origin else None

    return locate


def _basis(data: Data, where: Locate, *part: str | int) -> tuple[LegalRef, ...]:
    return refs(data.get("dasar_hukum"), where, (*part, "dasar_hukum"))


def _education(data: Data | None, where: Locate) -> EducationRequirement | None:
    if data is None:
        return None
    return EducationRequirement(
        data["minimal"],
        tuple(data.get("bidang", [])),
        data.get("keterangan", ""),
        _basis(data, where, "pendidikan"),
    )


def _rank(data: Data | None, where: Locate) -> RankRequirement | None:
    if data is None:
        return None
    return RankRequirement(data["minimal"], data.get("maksimal"), _basis(data, where, "golongan"))


def _experience(data: Data, where: Locate, index: int) -> ExperienceRequirement:
    """One ``pengalaman`` item; where its keys were written is in the origins
    (``("pengalaman", index, "jabatan_fungsional")`` …), recorded like every requirement part."""
    return ExperienceRequirement(
        years=float(data["tahun"]),
        levels=_names(data.get("jenis")),
        positions=_names(data.get("jabatan")),
        note=data.get("keterangan", ""),
        legal_basis=_basis(data, where, "pengalaman", index),
        family=data.get("jabatan_fungsional"),
        min_grade=data.get("jenjang_minimal"),
        min_class=data.get("kelas_minimal"),
        unit=data.get("unit"),
    )


def _performance(data: Data | None, where: Locate) -> PerformanceRequirement | None:
    if data is None:
        return None
    return PerformanceRequirement(
        data["predikat_minimal"], data["tahun"], _basis(data, where, "kinerja")
    )


def _competencies(data: Data | None, where: Locate) -> CompetencyStandard:
    if not data:
        return CompetencyStandard()
    return CompetencyStandard(
        managerial=dict(data.get("manajerial", {})),
        socio_cultural=dict(data.get("sosial_kultural", {})),
        technical=dict(data.get("teknis", {})),
        legal_basis=_basis(data, where, "kompetensi"),
    )


def inherit(own: Data | None, inherited: Data | None) -> Data:
    """Merge a position's ``persyaratan`` over its grade's: a part the position writes replaces
    the grade's part as a whole; competency groups are replaced group by group."""
    merged: dict[str, Any] = dict(inherited or {})
    for key, value in (own or {}).items():
        if key == "kompetensi" and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


GradeOrigins = dict[tuple[str, str], dict[tuple[str | int, ...], Origin]]
"""The origins of each job family grade's requirements, by (family file, grade): one load
computes them once per grade instead of once per position of that grade."""


def requirement_origins(
    doc: Document,
    family_doc: Document | None,
    grade: str | None,
    grades: GradeOrigins | None = None,
) -> Mapping[tuple[str | int, ...], Origin]:
    """Where every part of a position's resolved ``persyaratan`` was written.

    Applies the same rule as :func:`inherit`: the grade's parts first, then the position's own
    parts replace them (a whole part, or one competency group), so the origins and the values
    always agree. The grade's origins are computed once per grade; the position's own are
    found when asked for (:class:`WrittenOrigins`), as few of them ever are.
    """
    inherited: dict[tuple[str | int, ...], Origin] = {}
    if family_doc is not None and grade is not None:
        key = (family_doc.display, grade)
        found = grades.get(key) if grades is not None else None
        if found is None:
            found = _grade_origins(family_doc, grade, inherited_from=family_doc.path.stem)
            if grades is not None:
                grades[key] = found
        inherited = found
    own = doc.data.get("persyaratan")
    if not isinstance(own, dict) or not own:
        return inherited
    chain = doc.marks.chain(doc.data, ("persyaratan",))
    return WrittenOrigins(own, doc.marks.part(chain[-1]), doc.display, inherited)


class WrittenOrigins(Mapping[tuple[str | int, ...], Origin]):
    """A position's requirement origins: the grade's (shared by every position of the grade)
    under the position's own ``persyaratan``, each of whose origins is made when a rule asks
    for it. Most positions are valid and have a single origin asked for, or none; building
    them all took a quarter of assembling the model. Iterating gives every origin, in the
    order :func:`requirement_origins` always gave them."""

    __slots__ = ("_all", "_display", "_inherited", "_made", "_marks", "_own")

    def __init__(
        self,
        own: dict[str, Any],
        marks: MarkTable,
        display: str,
        inherited: Mapping[tuple[str | int, ...], Origin],
    ) -> None:
        self._own = own  # the position's own ``persyaratan``, written at slot 0 of ``marks``
        self._marks = marks
        self._display = display
        self._inherited = inherited
        self._all: dict[tuple[str | int, ...], Origin] | None = None
        self._made: dict[tuple[str | int, ...], Origin | None] = {}

    def get(self, path: tuple[str | int, ...], default: Any = None) -> Any:
        if self._all is not None:
            return self._all.get(path, default)
        if not self._written_here(path):
            found = self._inherited.get(path)
        elif path in self._made:  # a rule asks whether a part is written here, then where
            found = self._made[path]
        else:
            found = self._made[path] = self._own_origin(path)
        return default if found is None else found

    def written_here(self, path: tuple[str | int, ...]) -> bool:
        """What ``get(path)`` says of whether the position wrote ``path`` itself (an origin
        not inherited), without making the origin: the rules ask it of every part whose
        citations they check, and locating each was a third of their time."""
        if self._all is not None:
            found = self._all.get(path)
        elif not self._written_here(path):
            found = self._inherited.get(path)
        elif path in self._made:
            found = self._made[path]
        else:
            return _walks(self._own, path)
        return found is not None and found.inherited_from is None

    def __getitem__(self, path: tuple[str | int, ...]) -> Origin:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[tuple[str | int, ...]]:
        return iter(self._materialized())

    def __len__(self) -> int:
        return len(self._materialized())

    def __bool__(self) -> bool:
        """Never empty (the position writes at least one part), known without counting."""
        return True

    def _written_here(self, path: tuple[str | int, ...]) -> bool:
        """Whether ``path`` lies in a part the position writes itself (replacing the grade's)."""
        if not path or path[0] not in self._own:
            return False
        value = self._own[path[0]]
        if path[0] != "kompetensi" or not isinstance(value, dict) or len(path) == 1:
            return True
        return path[1] in value

    def _own_origin(self, path: tuple[str | int, ...]) -> Origin | None:
        chain = self._marks.chain(self._own, path)
        if len(chain) <= len(path):
            return None  # not written
        return self._origin(chain, isinstance(path[-1], str))

    def _origin(self, chain: list[int], keyed: bool) -> Origin:
        marks, display = self._marks, self._display
        at = marks.value_at(chain[-1])
        for slot in reversed(chain[:-1]):  # an alias: where its parent was written
            if at is not None:
                break
            at = marks.value_at(slot)
        where = Location(display, *at) if at is not None else Location(display, 1, 1)
        key_at = None
        if keyed:
            written = marks.key_at(chain[-1])
            key_at = Location(display, *written) if written is not None else where
        return Origin(where, None, key_at)

    def _materialized(self) -> dict[tuple[str | int, ...], Origin]:
        if self._all is None:
            origins = dict(self._inherited)
            for key, value in self._own.items():
                replaced = (key,) if key != "kompetensi" or not isinstance(value, dict) else None
                for group in value if replaced is None else ():
                    _drop_below(origins, (key, group))
                if replaced is not None:
                    _drop_below(origins, replaced)
                slot = self._marks.chain(self._own, (key,))[-1]
                for path, _ in self._marks.walk(value, (key,), slot):
                    origin = self._own_origin(path)
                    if origin is not None:
                        origins[path] = origin
            self._all = origins
        return self._all


def _grade_origins(
    family_doc: Document, grade: str, inherited_from: str | None
) -> dict[tuple[str | int, ...], Origin]:
    """Where every part of one grade's ``persyaratan`` was written in the job family file."""
    base = ("jenjang", grade, "persyaratan")
    block = _at(family_doc.data, base)
    if not isinstance(block, dict):
        return {}
    origins: dict[tuple[str | int, ...], Origin] = {}
    for key, value in block.items():
        origins.update(_block_origins(family_doc, base, value, (key,), inherited_from))
    return origins


def _block_origins(
    doc: Document,
    base: JsonPath,
    value: Any,
    prefix: tuple[str | int, ...],
    inherited_from: str | None = None,
) -> dict[tuple[str | int, ...], Origin]:
    """An :class:`Origin` for every path in ``value``, written at ``(*base, *prefix)``."""
    full = (*base, *prefix)
    chain = doc.marks.chain(doc.data, full)
    origins: dict[tuple[str | int, ...], Origin] = {}
    if len(chain) <= len(full):  # not in the document (cannot happen for schema-valid data)
        return origins
    marks, display = doc.marks, doc.display
    for path, slot in marks.walk(value, prefix, chain[-1]):
        at = marks.value_at(slot)
        where = Location(display, *at) if at is not None else doc.location((*base, *path))
        key_at = None
        if isinstance(path[-1], str):
            written = marks.key_at(slot)
            key_at = Location(display, *written) if written is not None else where
        origins[path] = Origin(where, inherited_from, key_at)
    return origins


def _at(data: Any, path: JsonPath) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _drop_below(
    origins: dict[tuple[str | int, ...], Origin], prefix: tuple[str | int, ...]
) -> None:
    for path in [p for p in origins if p[: len(prefix)] == prefix]:
        del origins[path]


def _categories(value: str | list[str]) -> tuple[str, ...]:
    """``kategori`` as written (one, or a list of both) in the order of the ladder:
    keterampilan below keahlian."""
    written = {value} if isinstance(value, str) else set(value)
    return tuple(c for c in ("keterampilan", "keahlian") if c in written)


def job_family(source: SourceFile, doc: Document) -> JobFamily:
    data = doc.data
    grades = {
        grade: GradeSpec(
            grade=grade,
            job_class=spec.get("kelas_jabatan"),
            summary=spec.get("ikhtisar", ""),
            duties=tuple(spec.get("tugas", [])),
            requirements=requirements(
                spec.get("persyaratan"), _grade_origins(doc, grade, inherited_from=None)
            ),
            location=doc.location(("jenjang", grade), key=True),
        )
        for grade, spec in data["jenjang"].items()
    }
    return JobFamily(
        id=source.id,
        name=data["nama"],
        categories=_categories(data["kategori"]),
        supervisor=data.get("instansi_pembina", ""),
        summary=data.get("ikhtisar", ""),
        legal_basis=_cited(doc, data),
        grades=grades,
        location=doc.location(),
        source=source.relative,
    )


POSITION_MARKS: tuple[JsonPath, ...] = (
    ("jabatan_fungsional",),
    ("jenjang",),
    ("jenis",),
    ("kelas_jabatan",),
    ("eselon",),
)


PLACEMENT_KEYS: tuple[str, ...] = ("unit", "kebutuhan", "bezetting")


def placements(doc: Document, data: Data) -> tuple[Placement, ...]:
    """Where the position is placed: each ``penempatan`` item, or its single ``unit`` with the
    top-level ``kebutuhan`` and ``bezetting``."""
    if "penempatan" in data:
        return tuple(
            Placement(
                item["unit"],
                item.get("kebutuhan"),
                item.get("bezetting"),
                doc.location(("penempatan", index)),
            )
            for index, item in enumerate(data["penempatan"])
        )
    return (Placement(data["unit"], data.get("kebutuhan"), data.get("bezetting"), doc.location()),)


def _placement_marks(data: Data) -> tuple[JsonPath, ...]:
    items = data.get("penempatan")
    if not isinstance(items, list):
        return tuple((key,) for key in PLACEMENT_KEYS)
    return tuple(
        ("penempatan", index, key) for index in range(len(items)) for key in PLACEMENT_KEYS
    )


def position(
    source: SourceFile,
    doc: Document,
    family_doc: Document | None,
    grades: GradeOrigins | None = None,
) -> Position:
    data = doc.data
    grade = data.get("jenjang")
    grade_data: Data = {}
    if family_doc is not None and isinstance(grade, str):
        grade_data = family_doc.data["jenjang"].get(grade, {})
    merged = inherit(data.get("persyaratan"), grade_data.get("persyaratan"))
    origins = requirement_origins(
        doc, family_doc, grade if isinstance(grade, str) else None, grades
    )
    return Position(
        id=source.id,
        name=data["nama"],
        type=data["jenis"],
        placements=placements(doc, data),
        job_class=data["kelas_jabatan"],
        summary=data["ikhtisar"],
        duties=tuple(data.get("tugas") or grade_data.get("tugas", [])),
        requirements=requirements(merged, origins),
        family=data.get("jabatan_fungsional"),
        grade=grade,
        legal_basis=_cited(doc, data),
        note=data.get("keterangan", ""),
        eselon=data.get("eselon"),
        target=target_mark(doc, data.get("jabatan_target")),
        source=source.relative,
        location=doc.location(),
        marks=_marks(
            doc,
            data,
            (*POSITION_MARKS, *_placement_marks(data)),
            keys=("jabatan_fungsional", "jenjang", "penempatan"),
        ),
    )


def _move(source: SourceFile, step: Data, at: Callable[[JsonPath], Location]) -> Move:
    """One ``langkah`` of a career path; ``at`` locates paths below it."""
    return Move(
        source=step["dari"],
        target=step["ke"],
        kind=step["jenis"],
        min_years=float(step.get("tahun_minimal", 0)),
        min_years_written="tahun_minimal" in step,
        conditions=tuple(step.get("syarat", [])),
        legal_basis=refs(step.get("dasar_hukum"), at, ("dasar_hukum",)),
        path=source.id,
        location=at(()),
        marks=Marks(
            values={(key,): at((key,)) for key in ("dari", "ke", "tahun_minimal") if key in step}
        ),
    )


def field_groups(doc: Document, source: str = "") -> Iterator[tuple[str, FieldGroup]]:
    """The rumpun of ``rumpun-pendidikan.yml``, each with where its key and name were written
    (a rule reports two groups of one name at the second name)."""
    for group_id, item in doc.data["rumpun"].items():
        base = ("rumpun", group_id)
        yield (
            group_id,
            FieldGroup(
                id=group_id,
                name=item["nama"],
                fields=tuple(item["bidang"]),
                note=item.get("keterangan", ""),
                legal_basis=_cited(doc, item, *base),
                location=doc.location(base, key=True),
                name_location=doc.location((*base, "nama")),
                source=source,
            ),
        )


def career_path(source: SourceFile, doc: Document) -> CareerPath:
    data = doc.data
    moves = tuple(
        _move(source, step, doc.below(("langkah", index)))
        for index, step in enumerate(data["langkah"])
    )
    return CareerPath(
        id=source.id,
        name=data["nama"],
        description=data.get("deskripsi", ""),
        moves=moves,
        legal_basis=_cited(doc, data),
        location=doc.location(),
        source=source.relative,
    )
