"""The career-pattern model: immutable, fully resolved, free of YAML and of MkDocs.

Everything a page, a diagram or the matching engine needs is here after inheritance from the
job family's grade has been applied, so consumers never re-implement the merge rules.
Identifiers are English (see the glossary); values keep the regulations' Indonesian codes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Final

from pola_karir.graph import Digraph


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A 1-based position in a data file, as editors show it."""

    file: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class LegalRef:
    """A citation such as ``pp-11-2017#pasal-54``: a regulation and optionally one article.

    ``location`` is where the citation was written, recorded at assembly so that the rule
    checking citations points at it without reading the file again. Two citations of the same
    article are equal wherever they were written.
    """

    regulation: str
    article: str | None = None
    location: Location | None = field(default=None, compare=False)

    @classmethod
    def parse(cls, text: str, location: Location | None = None) -> LegalRef:
        regulation, _, article = text.partition("#")
        return cls(regulation, article or None, location)

    def __str__(self) -> str:
        return f"{self.regulation}#{self.article}" if self.article else self.regulation


@dataclass(frozen=True)
class Article:
    key: str
    label: str
    summary: str = ""
    source: str = ""


@dataclass(frozen=True)
class Regulation:
    id: str
    kind: str
    number: str
    year: int
    title: str
    short_name: str
    url: str = ""
    status: str = ""
    note: str = ""
    fictional: bool = False
    national: bool = False
    articles: Mapping[str, Article] = field(default_factory=dict)
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder

    @property
    def name(self) -> str:
        return self.short_name or f"{self.kind} {self.number}/{self.year}"


FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Marks:
    """Where the values of an entity that the rules cite were written, keyed by their path in
    the entity's YAML (``("unit",)``, ``("langkah", 0, "ke")``): recorded at assembly, so a rule
    reports a wrong reference at the value itself without going back to the file. ``keys`` holds
    the position of the key, for rules that point at a key the user should not have written."""

    values: Mapping[FieldPath, Location] = field(default_factory=dict)
    keys: Mapping[FieldPath, Location] = field(default_factory=dict)

    def value(self, *path: str | int) -> Location | None:
        return self.values.get(path)

    def key(self, *path: str | int) -> Location | None:
        return self.keys.get(path)


@dataclass(frozen=True)
class Signatory:
    """The official who enacts the regulation (``penandatangan``), as the annex's closing block
    shows them: the title above the signature (``BUPATI CONTOH``) and the name below it. An
    empty value leaves a line to fill in by hand."""

    title: str = ""
    name: str = ""


@dataclass(frozen=True)
class AgencyRegulation:
    """The agency's own pola karier regulation that the published site accompanies."""

    kind: str
    number: str
    year: int
    title: str
    enacted: str = ""
    effective: str = ""
    url: str = ""
    fictional: bool = False
    regulation_id: str = ""
    place: str = ""  # ditetapkan_di: where it was enacted ("" until known)
    signatory: Signatory = Signatory()


# Manajemen talenta (PermenPANRB 3/2020 as amended by 20/2025): the two axes of the nine-box,
# highest level first. The regulation's box numbers and names were not confirmed (see
# reference/PROVENANCE.md), so a box is known by its two axis values.
PERFORMANCE_LEVELS: Final = ("di-atas-ekspektasi", "sesuai-ekspektasi", "di-bawah-ekspektasi")
POTENTIAL_LEVELS: Final = ("tinggi", "menengah", "rendah")
# The tool's default pool of successors (not a rule of the regulation): kinerja di atas or
# sesuai ekspektasi with potensial tinggi, and di atas ekspektasi with potensial menengah.
DEFAULT_SUCCESSION_BOXES: Final = (
    ("di-atas-ekspektasi", "tinggi"),
    ("sesuai-ekspektasi", "tinggi"),
    ("di-atas-ekspektasi", "menengah"),
)
DEFAULT_SUCCESSORS: Final = 1  # successors wanted for a target position that states none


@dataclass(frozen=True, slots=True)
class TargetMark:
    """``jabatan_target`` written on a position: marked (``false`` takes a position out of a
    jenis marked in instansi.yml) and, optionally, how many successors are wanted."""

    marked: bool
    successors: int | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TargetType:
    """A whole jenis jabatan marked as target positions in instansi.yml."""

    type: str
    successors: int | None = None
    location: Location | None = field(default=None, compare=False)


# The first word of an agency's name (after "pemerintah", "daerah") that names its kind.
AGENCY_KINDS_BY_NAME: Final = {
    "provinsi": "provinsi",
    "kabupaten": "kabupaten",
    "kota": "kota",
    "kementerian": "kementerian",
}
# The kinds that are pemerintah daerah, whose organisational units are perangkat daerah.
REGIONAL_KINDS: Final = frozenset({"provinsi", "kabupaten", "kota"})
_GOVERNMENT_WORDS: Final = ("pemerintah", "daerah")
# Words of the regulation's kind (``regulasi.jenis``) that say whose regulation it is: a
# Peraturan Bupati is a kabupaten's, a Peraturan Wali Kota a kota's, and so on.
_AGENCY_KINDS_BY_REGULATION: Final = {
    "bupati": "kabupaten",
    "walikota": "kota",
    "wali": "kota",
    "gubernur": "provinsi",
    "menteri": "kementerian",
}


def _words(value: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in value.casefold()).split()


def agency_kind(name: str, regulation_kind: str) -> str:
    """kabupaten, kota, provinsi or kementerian as the data says it: by the agency's name
    ("Pemerintah Kota X", "Pemerintah Daerah Provinsi X"), else by its regulation's kind
    ("Peraturan Wali Kota"); ``lainnya`` when neither says (a lembaga, or a name without its
    kind). No field holds the kind, so it is read from the words HR already wrote."""
    words = _words(name)
    while words and words[0] in _GOVERNMENT_WORDS:
        words = words[1:]
    if words and words[0] in AGENCY_KINDS_BY_NAME:
        return AGENCY_KINDS_BY_NAME[words[0]]
    for word in _words(regulation_kind):
        if word in _AGENCY_KINDS_BY_REGULATION:
            return _AGENCY_KINDS_BY_REGULATION[word]
    return "lainnya"


@dataclass(frozen=True)
class TalentSettings:
    """``manajemen_talenta`` of instansi.yml: the jenis whose positions are all targets, and
    the boxes (kinerja, potensial) whose people make the pool of successors."""

    target_types: tuple[TargetType, ...] = ()
    succession_boxes: tuple[tuple[str, str], ...] = DEFAULT_SUCCESSION_BOXES


@dataclass(frozen=True)
class Agency:
    name: str
    short_name: str
    regulation: AgencyRegulation
    fictional: bool = False
    address: str = ""
    contact: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder
    marks: Marks = field(default=Marks(), compare=False)  # the regulation id it cites
    talent: TalentSettings = TalentSettings()

    @property
    def kind(self) -> str:
        """kabupaten, kota, provinsi, kementerian or lainnya (:func:`agency_kind`)."""
        return agency_kind(self.name, self.regulation.kind)

    @property
    def regional(self) -> bool:
        """Whether the agency is a pemerintah daerah, whose units are *perangkat daerah* (UU
        23/2014, PP 18/2016). A kementerian's or lembaga's are not, nor are the units of an
        agency whose kind the data does not tell: the site calls those *unit organisasi*."""
        return self.kind in REGIONAL_KINDS


@dataclass(frozen=True)
class Unit:
    """A node of the organisation tree; ``id`` is its full path, e.g. ``dinas-pupr/sekretariat``."""

    id: str
    name: str
    kind: str = ""
    short_name: str = ""
    description: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()
    legal_basis: tuple[LegalRef, ...] = ()  # only a perangkat daerah (a unit file) cites any
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder

    @property
    def top(self) -> str:
        """The perangkat daerah this unit belongs to."""
        return self.id.split("/", 1)[0]

    @property
    def depth(self) -> int:
        return self.id.count("/")


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    group: str  # manajerial | sosial-kultural | teknis
    definition: str
    levels: tuple[str, ...]  # descriptions of levels 1..5
    code: str = ""
    # indikator perilaku of levels 1..5 (an empty tuple for a level the dictionary gives none)
    indicators: tuple[tuple[str, ...], ...] = ((),) * 5
    legal_basis: tuple[LegalRef, ...] = ()
    national: bool = False
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder


@dataclass(frozen=True)
class Training:
    id: str
    name: str
    kind: str  # dasar | kepemimpinan | fungsional | teknis | sertifikasi
    short_name: str = ""
    provider: str = ""
    note: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    national: bool = False
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder


@dataclass(frozen=True, slots=True)
class EducationRequirement:
    minimum: str
    fields: tuple[str, ...] = ()
    note: str = ""
    legal_basis: tuple[LegalRef, ...] = ()


@dataclass(frozen=True, slots=True)
class RankRequirement:
    minimum: str
    maximum: str | None = None
    legal_basis: tuple[LegalRef, ...] = ()


def field_key(name: str) -> str:
    """A field of study as it is compared: HR writes "Teknik  Sipil", "teknik sipil" and
    "Teknik-Sipil" for one field, so case (Unicode case folding, after NFKC), whitespace and
    punctuation do not count. Every run of characters that are not letters, digits or
    combining marks (Unicode categories L, N, M) is one space; the ends are trimmed.

    The browser engine (``assets/pk-engine.js``, ``fieldKey``) applies the same rule and is
    tested against this function; change both together."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    kept = "".join(c if unicodedata.category(c)[0] in "LNM" else " " for c in folded)
    return " ".join(kept.split())


@dataclass(frozen=True)
class FieldGroup:
    """A *rumpun* of fields of study defined by the agency (``rumpun-pendidikan.yml``): a
    requirement naming the group by its ``name`` accepts every field listed in ``fields``."""

    id: str
    name: str
    fields: tuple[str, ...]
    note: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    location: Location | None = None  # of the group's key
    name_location: Location | None = None  # of its ``nama``
    source: str = ""  # the data file it was written in, relative to the data folder


@dataclass(frozen=True, slots=True)
class ExperienceRequirement:
    """Years in past positions (PP 11/2017 Pasal 54, 69, 107).

    Without conditions (no ``levels``, ``positions``, ``family``, ``min_class`` or ``unit``) it
    is cumulative experience described by ``note``. ``levels`` (types or grades) and
    ``positions`` are one condition: any one of them suffices, and the years are those held in
    any single one of them (as before the other conditions existed). ``family`` (with
    ``min_grade``), ``min_class`` and ``unit`` are further conditions: a past position counts
    when it meets every condition the item states, and the years of all positions that count
    add up ("8 tahun sebagai Guru" across its jenjang)."""

    years: float
    levels: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    note: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    family: str | None = None  # jabatan fungsional id: any jenjang of it
    min_grade: str | None = None  # jenjang_minimal: that grade of ``family`` or a higher one
    min_class: int | None = None  # kelas_minimal: positions at or above this kelas jabatan
    unit: str | None = None  # unit path: positions placed in this unit or below it

    @property
    def conditional(self) -> bool:
        """Whether the item states a family, kelas or unit, so positions are judged one by one
        against all its conditions and their years add up."""
        return self.family is not None or self.min_class is not None or self.unit is not None


@dataclass(frozen=True, slots=True)
class PerformanceRequirement:
    minimum_rating: str
    years: int
    legal_basis: tuple[LegalRef, ...] = ()


@dataclass(frozen=True, slots=True)
class CompetencyStandard:
    managerial: Mapping[str, int] = field(default_factory=dict)
    socio_cultural: Mapping[str, int] = field(default_factory=dict)
    technical: Mapping[str, int] = field(default_factory=dict)
    legal_basis: tuple[LegalRef, ...] = ()

    def all_levels(self) -> dict[str, int]:
        return {**self.managerial, **self.socio_cultural, **self.technical}


RequirementPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value was written, recorded once when the model is assembled, so that rules
    point at the right file and line without going back to the YAML or re-applying the
    inheritance rule: the position's own file, or the job family grade it inherited from.

    ``key`` is where the key of a mapping entry was written (None for a list item): a
    technical competency's id is its key, so that is where an unknown id is reported. It does
    not take part in comparisons: an origin is the place its value was written."""

    location: Location
    inherited_from: str | None = None  # the job family id, when the value came from a grade
    key: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Requirements:
    """What a position asks of the person who holds it (PP 11/2017 Pasal 54, 69, 107):
    resolved, i.e. with the job family grade's parts the position did not write itself."""

    education: EducationRequirement | None = None
    rank: RankRequirement | None = None
    experience: tuple[ExperienceRequirement, ...] = ()
    trainings: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    performance: PerformanceRequirement | None = None
    competencies: CompetencyStandard = CompetencyStandard()
    # Where each written part, leaf and list item came from, keyed by its path below
    # ``persyaratan``, e.g. ("pendidikan", "minimal"), ("kompetensi", "manajerial",
    # "integritas") or ("pengalaman", 0, "jabatan", 1).
    origins: Mapping[RequirementPath, Origin] = field(default_factory=dict, compare=False)

    def origin(self, *parts: str | int) -> Origin | None:
        """Where the requirement part at ``parts`` was written; None when nobody wrote it."""
        return self.origins.get(parts)

    def written_here(self, *parts: str | int) -> bool:
        """Whether the part was written by the holder of these requirements itself rather than
        inherited from a job family grade: rules check each written value once, where it is.
        Origins made when first asked (the loader's) can say so without being made."""
        knows = getattr(self.origins, "written_here", None)
        if knows is not None:
            return bool(knows(parts))
        origin = self.origins.get(parts)
        return origin is not None and origin.inherited_from is None


@dataclass(frozen=True)
class GradeSpec:
    """What a job family sets for one grade; positions of that grade inherit it."""

    grade: str
    job_class: int | None = None
    summary: str = ""
    duties: tuple[str, ...] = ()
    requirements: Requirements = Requirements()
    location: Location | None = None  # of the grade's key in the job family file


@dataclass(frozen=True)
class JobFamily:
    """A jabatan fungsional (job family) with its jenjang; positions of a jenjang inherit its
    requirements unless they write a part themselves."""

    id: str
    name: str
    # keterampilan and/or keahlian: one family may have both (Perawat, Auditor, Pranata
    # Komputer), moving from the top of keterampilan into keahlian (perpindahan kategori)
    categories: tuple[str, ...]
    supervisor: str = ""
    summary: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    grades: Mapping[str, GradeSpec] = field(default_factory=dict)
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder


@dataclass(frozen=True)
class Total:
    """A sum over figures some of which may be unknown (a placement that does not state its
    kebutuhan, say). ``known`` adds the figures that are known (None when none is); when
    ``complete`` is False the true sum is *at least* ``known``, and must never be shown as if
    it were the whole: a "Jumlah" of 12 over a row reading "–" would be a false figure."""

    known: int | None
    complete: bool

    @classmethod
    def of(cls, values: Iterable[int | None]) -> Total:
        items = list(values)
        known = [value for value in items if value is not None]
        return cls(sum(known) if known else None, len(known) == len(items))


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a position exists (``unit``) and how many people it needs there (``needed``,
    *kebutuhan* from analisis beban kerja, PermenPANRB 1/2020) and has (``filled``,
    *bezetting*); either number may be unknown (None)."""

    unit: str
    needed: int | None = None
    filled: int | None = None
    location: Location | None = None  # of the placement (its list item, or the position)

    @property
    def vacancies(self) -> int | None:
        """Open places (kebutuhan - bezetting, never below 0); None unless both are known."""
        if self.needed is None or self.filled is None:
            return None
        return max(0, self.needed - self.filled)


@dataclass(frozen=True)
class Position:
    """One jabatan: its type, its placements in units, kelas jabatan and resolved requirements.

    A position written with ``unit`` has one placement; one written with ``penempatan`` has one
    per unit listed, in the order written. It is still one position (one page, one target of
    the career paths) wherever it is placed."""

    id: str
    name: str
    type: str  # jenis jabatan
    placements: tuple[Placement, ...]
    job_class: int
    summary: str
    duties: tuple[str, ...] = ()
    requirements: Requirements = Requirements()
    family: str | None = None
    grade: str | None = None
    legal_basis: tuple[LegalRef, ...] = ()
    note: str = ""
    eselon: str | None = None  # I.a … IV.b, for structural positions that still carry one
    target: TargetMark | None = None  # jabatan_target, as written on the position
    source: str = ""  # data file, relative to the data folder
    location: Location | None = None
    # unit, jabatan_fungsional, jenjang and jenis: the values and keys the rules point at
    marks: Marks = field(default=Marks(), compare=False)

    @property
    def level_key(self) -> str:
        """The key used for level comparisons: the grade for functional positions."""
        return self.grade if self.type == "fungsional" and self.grade else self.type

    @property
    def unit(self) -> str:
        """The unit of the first placement, for callers that need one unit per position."""
        return self.placements[0].unit

    @property
    def tops(self) -> tuple[str, ...]:
        """The perangkat daerah of the placements, each once, in the order written."""
        return tuple(dict.fromkeys(p.unit.split("/", 1)[0] for p in self.placements))

    @property
    def needed(self) -> Total:
        """Kebutuhan over all placements (at least its ``known`` when some do not state it)."""
        return Total.of(p.needed for p in self.placements)

    @property
    def filled(self) -> Total:
        """Bezetting over all placements (at least its ``known`` when some do not state it)."""
        return Total.of(p.filled for p in self.placements)

    @property
    def vacancies(self) -> Total:
        """Open places over all placements (at least its ``known`` when some placement does
        not state both numbers)."""
        return Total.of(p.vacancies for p in self.placements)

    def placement_mark(self, index: int, key: str) -> Location | None:
        """Where ``key`` (``unit``, ``kebutuhan``, ``bezetting``) of placement ``index`` was
        written: in its ``penempatan`` item, or at the top level of a single-unit position."""
        return self.marks.value("penempatan", index, key) or (
            self.marks.value(key) if index == 0 else None
        )


@dataclass(frozen=True, slots=True)
class Move:
    """One step of a career path (PP 11/2017 Pasal 189)."""

    source: str
    target: str
    kind: str  # vertikal | horizontal | diagonal
    min_years: float = 0.0
    # False where the path writes no tahun_minimal (a JF grade step, which depends on credit
    # points): min_years is then 0 for the arithmetic, and pages say the time is not known.
    min_years_written: bool = True
    conditions: tuple[str, ...] = ()
    legal_basis: tuple[LegalRef, ...] = ()
    path: str = ""
    location: Location | None = None
    marks: Marks = field(default=Marks(), compare=False)  # of ``dari`` and ``ke``


@dataclass(frozen=True)
class CareerPath:
    """A jalur karier: the moves (vertikal, horizontal, diagonal) between positions."""

    id: str
    name: str
    description: str = ""
    moves: tuple[Move, ...] = ()
    legal_basis: tuple[LegalRef, ...] = ()
    location: Location | None = None
    source: str = ""  # the data file it was written in, relative to the data folder


@dataclass(frozen=True)
class Dataset:
    """The whole valid career pattern of one agency, as the site and the engines use it."""

    agency: Agency
    units: Mapping[str, Unit]
    positions: Mapping[str, Position]
    families: Mapping[str, JobFamily]
    competencies: Mapping[str, Competency]
    trainings: Mapping[str, Training]
    regulations: Mapping[str, Regulation]
    paths: Mapping[str, CareerPath]
    # rumpun pendidikan by id; optional (an agency without rumpun-pendidikan.yml has none)
    field_groups: Mapping[str, FieldGroup] = field(default_factory=dict)

    def moves(self) -> tuple[Move, ...]:
        return self._moves

    @cached_property
    def field_groups_by_key(self) -> Mapping[str, FieldGroup]:
        """Rumpun by their name as fields are compared (:func:`field_key`), the way a
        requirement names them; validation makes the names unique (PK220)."""
        return {field_key(group.name): group for group in self.field_groups.values()}

    @cached_property
    def targets(self) -> Mapping[str, int]:
        """Target positions of talent management by id, with the successors wanted: marked on
        the position, or of a jenis marked in instansi.yml unless the position says ``false``;
        the position's own number first, then its jenis', then :data:`DEFAULT_SUCCESSORS`."""
        by_type = {t.type: t.successors for t in self.agency.talent.target_types}
        found: dict[str, int] = {}
        for position in sorted(self.positions.values(), key=lambda p: p.id):
            mark = position.target
            if mark is not None and not mark.marked:
                continue
            if mark is None and position.type not in by_type:
                continue
            own = mark.successors if mark is not None else None
            found[position.id] = own or by_type.get(position.type) or DEFAULT_SUCCESSORS
        return found

    @cached_property
    def placements_by_unit(self) -> Mapping[str, tuple[tuple[Position, Placement], ...]]:
        """Every placement by the unit it is in, positions in their order: the unit and annex
        pages ask for each perangkat daerah, and scanning every position for each of them
        grows with units × positions."""
        found: dict[str, list[tuple[Position, Placement]]] = {}
        for position in self.positions.values():
            for placement in position.placements:
                found.setdefault(placement.unit, []).append((position, placement))
        return {unit: tuple(pairs) for unit, pairs in found.items()}

    def placements_in(self, top_unit: str) -> list[tuple[Position, Placement]]:
        """Every placement inside the perangkat daerah ``top_unit`` (in it or in a unit below
        it), in the order a scan of every position would give them."""
        return list(self._placements_by_top.get(top_unit, ()))

    @cached_property
    def _placements_by_top(self) -> Mapping[str, tuple[tuple[Position, Placement], ...]]:
        found: dict[str, list[tuple[Position, Placement]]] = {}
        for position in self.positions.values():
            for placement in position.placements:
                top = placement.unit.split("/")[0]
                found.setdefault(top, []).append((position, placement))
        return {top: tuple(pairs) for top, pairs in found.items()}

    @cached_property
    def _moves(self) -> tuple[Move, ...]:
        return tuple(move for path in self.paths.values() for move in path.moves)

    @cached_property
    def _moves_by_end(self) -> tuple[dict[str, list[Move]], dict[str, list[Move]]]:
        outgoing: dict[str, list[Move]] = {}
        incoming: dict[str, list[Move]] = {}
        for move in self._moves:
            outgoing.setdefault(move.source, []).append(move)
            incoming.setdefault(move.target, []).append(move)
        return outgoing, incoming

    def moves_from(self, position_id: str) -> list[Move]:
        """Moves out of a position, on any path (indexed once: pages ask for every position)."""
        return self._moves_by_end[0].get(position_id, [])

    def moves_to(self, position_id: str) -> list[Move]:
        return self._moves_by_end[1].get(position_id, [])

    @cached_property
    def move_graph(self) -> Digraph[Move]:
        """Every move, indexed by its source for the route searches of
        ``pola_karir.career.routes``: built once per dataset, not again for every search."""
        return Digraph.of(self._moves)
