"""The ``pola-karir`` command: a thin shell over the core.

Commands: ``validate`` (check the data), ``cocokkan`` (match one employee's profile with the
positions), ``audit`` (check a whole staff list against the requirements), ``talenta`` (the
nine-box and the successors of the target positions, for HR), ``impor`` (YAML skeletons from a
peta jabatan workbook), ``init`` (a new agency repository), ``skema`` (the JSON Schemas),
``diff`` (what changed in the data between two git revisions), ``lampiran`` (the regulation's
annex) and ``nasional`` (many agencies in one repository: list, CI matrix, builds, index).
Exit codes (also in ``--help`` and the README): 0 fine (warnings allowed), 1 problems found in
the input (invalid data, rows of a staff list left out), 2 wrong usage (a bad option, a missing
file, a folder where a file belongs, a file that cannot be read), 3 an internal error (a bug: a
one-line message, never a traceback), 141 the output was closed early (``… | head``: ends
quietly, as other command-line tools do on SIGPIPE, 128 + 13). Values and file names are
echoed terminal-safe (:mod:`pola_karir.text.terminal`).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pola_karir import __version__
from pola_karir import reference as ref
from pola_karir.career.matching import (
    Eligibility,
    Finding,
    RouteResult,
    State,
    Status,
    check,
    explore,
    explore_data,
    finding_data,
    profile_from_data,
    summary_counts,
)
from pola_karir.career.timeline import timeline_for, worded
from pola_karir.codes import Severity
from pola_karir.diagnostics import (
    Diagnostic,
    count_by_severity,
    diag,
    has_errors,
    suggestion,
    term,
)
from pola_karir.load.layout import EXTENSIONS, REQUIRED_FILES
from pola_karir.load.schema import validate_document
from pola_karir.load.yaml_loader import load_document
from pola_karir.model import Dataset, Location
from pola_karir.report import FORMATS, render
from pola_karir.rules.validate import ValidationResult, validate_project
from pola_karir.text import names, phrases
from pola_karir.text.argparse_words import argparse_speaking
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text
from pola_karir.text.terminal import json_safe, shown

if TYPE_CHECKING:
    from pola_karir.site import national

DEFAULT_DATA = "data"
NATIONAL_ROOT = "instansi"  # the folder of agencies' data folders (pola-karir init --nasional)
NATIONAL_OUTPUT = "site"  # where --bangun builds the sites, as `mkdocs build` does
LANGS = ("id", "en")
# Longest route `cocokkan` explores: past a handful of moves the answer is a whole career, and
# the search grows with every move allowed.
MAX_MOVES = 10
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
# The name every message on standard error starts with (argparse says it too).
PROGRAM = "pola-karir"
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a process ended by SIGPIPE
_SGR = re.compile(r"\x1b\[[0-9;]*m")  # a terminal colour code in another program's output


def _help_language(argv: Sequence[str]) -> str:
    """The language of the help text: ``--lang`` as written anywhere on the command line
    (argparse prints help before it has parsed the rest), else the default."""
    for index, word in enumerate(argv):
        value = word.partition("=")[2] if word.startswith("--lang=") else None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGS:
            return value
    return DEFAULT_LANGUAGE


def _parser(lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    def say(key: str, **values: object) -> str:
        return text(f"cli.help.{key}", lang, **values)

    def moves(value: str) -> int:
        """``--langkah``: a whole number of moves from 1 to :data:`MAX_MOVES`; 0, a negative
        number (once taken as "no limit") or a huge one is a usage error, worded."""
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 1 <= number <= MAX_MOVES:
            raise argparse.ArgumentTypeError(
                text("cli.moves.invalid", lang, value=shown(value), most=MAX_MOVES)
            )
        return number

    parser = argparse.ArgumentParser(
        prog=PROGRAM, description=say("program"), epilog=text("cli.exit_codes", lang)
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=text("argparse.version", lang),
    )
    # Also before the command ("pola-karir --lang en validate"); the command's own wins.
    parser.add_argument("--lang", choices=LANGS, dest="top_lang", help=say("lang"))
    commands = parser.add_subparsers(dest="command", required=True, metavar=say("command_metavar"))

    check_cmd = commands.add_parser(
        "validate", help=say("validate"), description=say("validate.description")
    )
    check_cmd.add_argument(
        "data_dir",
        nargs="?",
        default=DEFAULT_DATA,
        metavar="DIR",
        help=say("data_dir.default", default=DEFAULT_DATA),
    )
    check_cmd.add_argument("--format", choices=FORMATS, default="text", help=say("validate.format"))
    check_cmd.add_argument("--strict", action="store_true", help=text("cli.help.strict", lang))
    _lang(check_cmd, say("lang"))

    match_cmd = commands.add_parser(
        "cocokkan", help=say("cocokkan"), description=say("cocokkan.description")
    )
    match_cmd.add_argument("profile", metavar="PROFIL.yml", help=say("cocokkan.profile"))
    match_cmd.add_argument("--ke", metavar="JABATAN", help=say("cocokkan.target"))
    match_cmd.add_argument(
        "--langkah", type=moves, default=3, metavar="K", help=say("cocokkan.moves", default=3)
    )
    match_cmd.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help=say("data_dir"))
    match_cmd.add_argument("--format", choices=("text", "json"), default="text")
    _lang(match_cmd, say("lang"))

    audit_cmd = commands.add_parser(
        "audit", help=say("audit"), description=say("audit.description")
    )
    audit_cmd.add_argument("csv", metavar="PEGAWAI.csv", help=say("audit.csv"))
    audit_cmd.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help=say("data_dir"))
    audit_cmd.add_argument("--format", choices=("text", "json", "csv"), default="text")
    audit_cmd.add_argument(
        "--pemisah",
        choices=(",", ";"),
        default=",",
        metavar="PEMISAH",
        help=text("cli.help.separator", lang),
    )
    _lang(audit_cmd, say("lang"))

    talent_cmd = commands.add_parser(
        "talenta", help=say("talenta"), description=say("talenta.description")
    )
    talent_cmd.add_argument("csv", metavar="PEGAWAI.csv", help=say("talenta.csv"))
    talent_cmd.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help=say("data_dir"))
    talent_cmd.add_argument(
        "--format",
        choices=("text", "json", "csv", "html"),
        default="text",
        help=say("talenta.format"),
    )
    talent_cmd.add_argument("--keluaran", metavar="FILE", help=say("talenta.output"))
    talent_cmd.add_argument(
        "--langkah", type=moves, default=3, metavar="K", help=say("cocokkan.moves", default=3)
    )
    _lang(talent_cmd, say("lang"))

    import_cmd = commands.add_parser(
        "impor", help=text("impor.help", lang), description=text("impor.description", lang)
    )
    import_cmd.add_argument("xlsx", metavar="PETA.xlsx", help=text("impor.help.xlsx", lang))
    import_cmd.add_argument(
        "--keluaran", required=True, metavar="FOLDER", help=text("impor.help.output", lang)
    )
    _lang(import_cmd, say("lang"))

    default_name = text("scaffold.default_name", DEFAULT_LANGUAGE)
    init_cmd = commands.add_parser(
        "init", help=text("scaffold.help", lang), description=text("scaffold.description", lang)
    )
    init_cmd.add_argument("folder", metavar="FOLDER", help=text("scaffold.help.folder", lang))
    init_cmd.add_argument(
        "--nama",
        default=None,
        metavar="NAMA",
        help=text("scaffold.help.name", lang, default=default_name),
    )
    init_cmd.add_argument("--jenis-regulasi", metavar="JENIS", help=text("regulasi.help", lang))
    init_cmd.add_argument(
        "--nasional", action="store_true", help=text("nasional.scaffold.help", lang)
    )
    _lang(init_cmd, say("lang"))

    national_cmd = commands.add_parser(
        "nasional",
        help=text("nasional.help", lang),
        description=text("nasional.description", lang),
    )
    national_cmd.add_argument(
        "root",
        nargs="?",
        default=NATIONAL_ROOT,
        metavar="ROOT",
        help=text("nasional.help.root", lang, default=NATIONAL_ROOT),
    )
    national_cmd.add_argument(
        "--format", choices=FORMATS, default="text", help=text("nasional.help.format", lang)
    )
    national_cmd.add_argument("--strict", action="store_true", help=text("cli.help.strict", lang))
    national_cmd.add_argument(
        "--keluaran",
        metavar="KELUARAN",
        help=text("nasional.help.output", lang, default=NATIONAL_OUTPUT),
    )
    national_cmd.add_argument(
        "--bangun", action="store_true", help=text("nasional.help.build", lang)
    )
    national_cmd.add_argument("--instansi", metavar="FOLDER", help=text("nasional.help.only", lang))
    national_cmd.add_argument("--alamat", metavar="URL", help=text("nasional.help.address", lang))
    national_cmd.add_argument(
        "--gitlab-ci",
        metavar=".gitlab-ci.yml",
        help=text("nasional.help.gitlab", lang, variable="INSTANSI"),
    )
    national_cmd.add_argument(
        "--mkdocs",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help=text("nasional.help.config", lang, default="mkdocs.yml"),
    )
    _lang(national_cmd, say("lang"))

    schema_cmd = commands.add_parser(
        "skema", help=text("skema.help", lang), description=text("skema.description", lang)
    )
    schema_cmd.add_argument("folder", metavar="FOLDER", help=text("skema.help.folder", lang))
    _lang(schema_cmd, say("lang"))

    diff_cmd = commands.add_parser(
        "diff",
        help=text("riwayat.cli.help", lang),
        description=text("riwayat.cli.description", lang),
    )
    diff_cmd.add_argument("revision_a", metavar="REV_A", help=text("riwayat.cli.help.a", lang))
    diff_cmd.add_argument("revision_b", metavar="REV_B", help=text("riwayat.cli.help.b", lang))
    diff_cmd.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help=say("data_dir"))
    diff_cmd.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help=text("riwayat.cli.help.format", lang),
    )
    _lang(diff_cmd, say("lang"))

    annex_cmd = commands.add_parser(
        "lampiran",
        help=text("lampiran.cli.help", lang),
        description=text("lampiran.cli.description", lang),
    )
    annex_cmd.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help=say("data_dir"))
    annex_cmd.add_argument("--pdf", metavar="LAMPIRAN.pdf", help=text("lampiran.cli.pdf", lang))
    annex_cmd.add_argument("--html", metavar="LAMPIRAN.html", help=text("lampiran.cli.html", lang))
    _lang(annex_cmd, say("lang"))
    return parser


def _lang(command: argparse.ArgumentParser, help_text: str) -> None:
    command.add_argument("--lang", choices=LANGS, default=None, help=help_text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever happens, the user sees a message, never a traceback."""
    words = list(sys.argv[1:] if argv is None else argv)
    lang = _help_language(words)
    try:
        with argparse_speaking(lang):
            args = _parser(lang).parse_args(words)
        args.lang = args.lang or args.top_lang or DEFAULT_LANGUAGE
        handlers = {
            "validate": _validate,
            "cocokkan": _match,
            "audit": _audit,
            "talenta": _talenta,
            "impor": _impor,
            "init": _init,
            "skema": _skema,
            "diff": _diff,
            "lampiran": _lampiran,
            "nasional": _nasional,
        }
        code = handlers[args.command](args)
        sys.stdout.flush()  # a closed pipe must show here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _quiet_after_broken_pipe()
    except KeyboardInterrupt:
        return 128 + 2
    except Exception as error:  # a bug: one line, the exit code says so
        message = text("cli.internal_error", lang, kind=type(error).__name__, error=error)
        print(shown(message), file=sys.stderr)
        return EXIT_INTERNAL


def _quiet_after_broken_pipe() -> int:
    """The reader of our output went away (``| head``): stop without a word. What is still
    buffered for standard output goes to the null device, or Python would report the same
    broken pipe again when it flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (captured output): nothing to do
        pass
    return EXIT_BROKEN_PIPE


def _missing_dir(root: Path, lang: str) -> int:
    key = "cli.path.not_a_folder" if root.exists() else "data_dir.missing"
    print(text(key, lang, root=shown(root)), file=sys.stderr)
    return EXIT_USAGE


def _not_a_file(path: Path, lang: str, missing_key: str) -> int | None:
    """Exit code 2 and a message when ``path`` is not a file: a folder is said to be one
    (not "not found"), a missing path with the command's own words; ``None`` when it is a file."""
    if path.is_file():
        return None
    if path.is_dir():
        print(text("cli.path.is_folder", lang, path=shown(path)), file=sys.stderr)
    else:
        print(text(missing_key, lang, path=shown(path)), file=sys.stderr)
    return EXIT_USAGE


def _validate(args: argparse.Namespace) -> int:
    root = Path(args.data_dir)
    if not root.is_dir():
        return _missing_dir(root, args.lang)
    result = validate_project(root, args.data_dir)
    sys.stdout.write(render(args.format, result.diagnostics, result.file_count, args.lang))
    warnings = _warnings(result.diagnostics) if args.strict else 0
    if result.ok and warnings:
        # The summary says "data sah" (no errors); under --strict the warnings fail it: say so,
        # on stderr, so a JSON or GitHub report on stdout stays what it is.
        print(text("cli.validate.strict_failed", args.lang, warnings=warnings), file=sys.stderr)
    return 0 if result.ok and not warnings else 1


def _warnings(diagnostics: Iterable[Diagnostic]) -> int:
    """How many warnings ``--strict`` fails on, those a PK018 left out included. Notes never
    count: they rest on unconfirmed tables, and ``mkdocs build --strict`` (the plugin logs them
    at info level) does not fail on them either, so the two strict modes agree."""
    return count_by_severity(diagnostics)[Severity.WARNING]


def _load_data(folder: str, lang: str, output: str = "text") -> tuple[ValidationResult | None, int]:
    """The validated dataset, or the validation report and exit code when it is not usable.

    ``output`` is the command's ``--format``: a command asked for JSON prints only JSON on
    standard output, so invalid data comes as the same JSON object ``validate --format json``
    prints (a pipeline parses it); usage errors go to standard error only, stdout left empty."""
    root = Path(folder)
    if not root.is_dir():
        return None, _missing_dir(root, lang)
    result = validate_project(root, folder)
    if result.dataset is None:
        sys.stdout.write(
            render(_report_format(output), result.diagnostics, result.file_count, lang)
        )
        return None, 1
    return result, 0


def _report_format(output: str) -> str:
    """The diagnostics format for a command's ``--format``: JSON stays JSON, the rest is text."""
    return "json" if output == "json" else "text"


# --- cocokkan --------------------------------------------------------------------------------


def profile_diagnostics(
    dataset: Dataset, path: Path
) -> tuple[dict[str, object] | None, list[Diagnostic]]:
    """Load and check a profile file: schema, then that every id it names exists."""
    document, problems = load_document(path, str(path))
    if document is None:
        return None, problems
    problems += validate_document(document, "profil")
    if has_errors(problems):
        return None, problems
    data = document.data
    known = {
        "jabatan": dataset.positions,
        "pelatihan": dataset.trainings,
        "kompetensi": dataset.competencies,
    }
    if isinstance(data.get("jabatan"), str) and data["jabatan"] not in dataset.positions:
        problems.append(
            _unknown_ref(document.location(("jabatan",)), "kind.position", data["jabatan"])
        )
    for index, training in enumerate(data.get("pelatihan", [])):
        if training not in known["pelatihan"]:
            problems.append(
                _unknown_ref(document.location(("pelatihan", index)), "kind.training", training)
            )
    for comp in data.get("kompetensi", {}):
        if comp not in known["kompetensi"]:
            problems.append(
                _unknown_ref(
                    document.location(("kompetensi", comp), key=True), "kind.competency", comp
                )
            )
    # Years under a key the engine does not know would count for nothing, silently: the
    # profile says "8 years" and the answer would be as if it did not.
    experience_keys = {*dataset.positions, *dataset.families, *ref.POSITION_TYPES, *ref.LEVELS}
    for key in data.get("pengalaman", {}):
        if key not in experience_keys:
            problems.append(
                _unknown_ref(
                    document.location(("pengalaman", key), key=True),
                    "kind.experience_key",
                    key,
                    experience_keys,
                )
            )
    return (None if has_errors(problems) else data), problems


def _unknown_ref(
    location: Location, kind: str, ident: str, choices: Iterable[str] = ()
) -> Diagnostic:
    """PK201 for a profile naming an id the dataset lacks; ``kind`` is a catalogue term key,
    ``choices`` the ids it may have meant (for "did you mean")."""
    return diag(
        "PK201",
        location,
        kind=term(kind),
        ref=ident,
        where=term("where.site"),
        **suggestion(ident, sorted(choices)),
    )


_MARK = {Status.MET: "✓", Status.UNMET: "✗", Status.UNKNOWN: "?"}


def _match(args: argparse.Namespace) -> int:
    loaded, code = _load_data(args.data, args.lang, args.format)
    if loaded is None:
        return code
    dataset = loaded.dataset
    assert dataset is not None
    path = Path(args.profile)
    refused = _not_a_file(path, args.lang, "cli.match.no_profile")
    if refused is not None:
        return refused
    data, problems = profile_diagnostics(dataset, path)
    if data is None:
        sys.stdout.write(render(_report_format(args.format), problems, 1, args.lang))
        return 1
    profile = profile_from_data(data)
    lang = args.lang
    if args.ke:
        if args.ke not in dataset.positions:
            message = text("cli.match.no_position", args.lang, position=shown(args.ke))
            print(message, file=sys.stderr)
            return 2
        result = check(dataset, profile, dataset.positions[args.ke], lang)
        if args.format == "json":
            payload = {
                "jabatan": args.ke,
                "status": result.state.value,
                "memenuhi": result.eligible,
                "temuan": [finding_data(f) for f in result.findings],
            }
            print(json_safe(json.dumps(payload, ensure_ascii=False, indent=2)))
        else:
            _write(_eligibility_text(dataset, result, lang))
        return 0
    results = explore(dataset, profile, args.langkah, lang)
    counts = summary_counts(results)
    if args.format == "json":
        payload = {
            "jabatan": profile.position,
            "langkah": args.langkah,
            "ringkasan": counts,
            "hasil": explore_data(dataset, profile, args.langkah),
        }
        print(json_safe(json.dumps(payload, ensure_ascii=False, indent=2)))
        return 0
    if profile.position is None:
        _write(text("cli.match.no_current_position", lang) + "\n")
        return 0
    origin = names.position_name(dataset, profile.position, lang)
    heading = text("cli.match.heading", lang, origin=origin, count=len(results), moves=args.langkah)
    _write(heading + "\n")
    if results:
        _write(text("cli.match.summary", lang, **counts) + "\n")
    _write("\n")
    for found in results:
        when = worded(timeline_for(found, dataset, profile), lang)
        _write(text("cli.match.reach", lang, moves=found.reach.moves, when=when))
        _write(_route_text(dataset, found, lang))
    return 0


def _write(report: str) -> None:
    """Report text to standard output, each line terminal-safe: the findings quote the
    profile's own values (a field of study, a training id)."""
    sys.stdout.write("\n".join(shown(line) for line in report.split("\n")))


def _verdict(state: State, unmet: int, unknown: int, to_fill: tuple[str, ...], lang: str) -> str:
    """A result's state in words: never "eligible" while a requirement is unassessed."""
    if state is State.MET:
        return text("cli.match.eligible", lang)
    if state is State.UNMET:
        return text("cli.match.unmet", lang, count=unmet)
    fields = ", ".join(phrases.label("aspek", aspect, lang).lower() for aspect in to_fill)
    return text("cli.match.not_assessed", lang, count=unknown, fields=fields)


def _finding_line(finding: Finding, lang: str) -> str:
    said = text(
        "cli.match.finding", lang, subject=finding.subject, have=finding.have, need=finding.need
    )
    return f"{_MARK[finding.status]} {said}"


def _route_text(dataset: Dataset, found: RouteResult, lang: str) -> str:
    """The destination with its verdict for the whole route, then the unmet requirements of each
    step on the way (named) and of the destination."""
    steps = found.steps
    destination = steps[-1]
    unmet = sum(len(step.unmet) for step in steps)
    unknown = sum(len(step.unknown) for step in steps)
    name = names.position_name(dataset, destination.position, lang)
    verdict = _verdict(found.state, unmet, unknown, found.to_fill, lang)
    lines = [f"{name} [{destination.position}] — {verdict}"]
    for step in steps:
        if step is not destination and step.unmet:
            step_name = names.position_name(dataset, step.position, lang)
            lines.append(f"    {text('cli.match.via', lang, position=step_name)}")
        for finding in step.unmet:
            indent = "      " if step is not destination else "    "
            lines.append(indent + _finding_line(finding, lang))
    return "\n".join(lines) + "\n"


def _eligibility_text(dataset: Dataset, result: Eligibility, lang: str) -> str:
    """One position checked: its verdict, then every requirement, met or not."""
    position = dataset.positions[result.position]
    verdict = _verdict(result.state, len(result.unmet), len(result.unknown), _fill(result), lang)
    name = names.position_name(dataset, position.id, lang)
    lines = [f"{name} [{position.id}] — {verdict}"]
    lines += [f"    {_finding_line(finding, lang)}" for finding in result.findings]
    return "\n".join(lines) + "\n"


def _fill(result: Eligibility) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.aspect for f in result.unknown))


# --- audit -----------------------------------------------------------------------------------


def _staff_list(args: argparse.Namespace, output: str = "text") -> tuple[Dataset | None, int]:
    """The dataset and the staff list a command reads (``audit``, ``talenta``), or the exit
    code of what stops it: invalid data (reported), or a CSV path that is not a file."""
    loaded, code = _load_data(args.data, args.lang, output)
    if loaded is None:
        return None, code
    assert loaded.dataset is not None
    refused = _not_a_file(Path(args.csv), args.lang, "cli.audit.no_file")
    if refused is not None:
        return None, refused
    return loaded.dataset, 0


def _audit(args: argparse.Namespace) -> int:
    dataset, code = _staff_list(args, args.format)
    if dataset is None:
        return code
    from pola_karir.audit.run import run_audit

    run = run_audit(dataset, Path(args.csv), args.format, date.today(), args.pemisah, args.lang)
    sys.stderr.write(run.notes)
    sys.stdout.write(run.report)
    return run.exit_code


# --- talenta ---------------------------------------------------------------------------------


def _talenta(args: argparse.Namespace) -> int:
    """The talent report: personal data, so HTML is written only to the file ``--keluaran``
    names, and any format goes there instead of standard output when it is given."""
    if args.format == "html" and not args.keluaran:
        print(text("cli.talenta.html_needs_file", args.lang), file=sys.stderr)
        return 2
    dataset, code = _staff_list(args)
    if dataset is None:
        return code
    from pola_karir.talent.run import run_talenta

    run = run_talenta(dataset, Path(args.csv), args.format, args.lang, date.today(), args.langkah)
    sys.stderr.write(run.notes)
    if run.exit_code == 2 or not args.keluaran:
        sys.stdout.write(run.report)
        return run.exit_code
    try:
        Path(args.keluaran).write_text(run.report, encoding="utf-8")
    except OSError as error:
        print(
            text("cli.talenta.cannot_write", args.lang, path=args.keluaran, error=error.strerror),
            file=sys.stderr,
        )
        return 2
    return run.exit_code


# --- impor -----------------------------------------------------------------------------------


def _impor(args: argparse.Namespace) -> int:
    """Peta jabatan (.xlsx) to YAML skeletons under ``--keluaran``: each row written, skipped
    (said by row number, exit 1) or empty; refuses to overwrite any existing file (exit 2)."""
    from zipfile import BadZipFile

    from pola_karir import impor

    lang = args.lang
    path = Path(args.xlsx)
    refused = _not_a_file(path, lang, "impor.no_file")
    if refused is not None:
        return refused
    try:
        sheet = impor.read_xlsx(path)
    except (OSError, BadZipFile, KeyError, ValueError, impor.NotAWorkbook) as error:
        print(text("impor.unreadable", lang, path=shown(path), error=shown(error)), file=sys.stderr)
        return EXIT_USAGE
    if sheet.header_row is None:
        print(text("impor.no_header", lang, path=shown(path)), file=sys.stderr)
        return EXIT_USAGE
    files, repeated = impor.skeletons(sheet, text("impor.summary_placeholder", DEFAULT_LANGUAGE))
    out = Path(args.keluaran)
    if out.exists() and not out.is_dir():
        print(text("impor.output_not_folder", lang, path=shown(out)), file=sys.stderr)
        return EXIT_USAGE
    existing = [name for name in files if (out / name).exists()]
    if existing:
        print(
            text("impor.exists", lang, path=shown(out / existing[0]), count=len(existing)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    failed = _write_skeletons(out, {name: impor.dump(name, doc) for name, doc in files.items()})
    if failed is not None:
        print(
            text("impor.cannot_write", lang, path=shown(failed[0]), error=failed[1]),
            file=sys.stderr,
        )
        return EXIT_USAGE
    skipped = sorted([*sheet.skipped, *repeated], key=lambda s: s.row)
    for row in skipped:
        reason = text(row.reason, lang, value=shown(row.value))
        print(text("impor.skipped", lang, path=shown(path), row=row.row, reason=reason))
    written = len(sheet.positions) - len(repeated)
    print(
        text(
            "impor.total",
            lang,
            rows=sheet.rows,
            written=written,
            skipped=len(skipped),
            empty=sheet.empty,
            units=len(files) - written,
            folder=shown(out),
        )
    )
    _instansi_needed(out, lang)
    return EXIT_FINDINGS if skipped else EXIT_OK


def _instansi_needed(folder: Path, lang: str) -> None:
    """After ``impor``: say so when ``folder`` holds no instansi.yml, without which the data is
    not valid (PK015), and how to add one. The skeletons are written all the same: they are
    the work of the import, and instansi.yml is a few lines HR writes (or init makes)."""
    for name in REQUIRED_FILES:
        stem = folder / Path(name).stem
        if not any(stem.with_suffix(ext).is_file() for ext in EXTENSIONS):
            path = shown(folder / name)
            message = text("impor.no_instansi", lang, folder=shown(folder), name=name, path=path)
            print(message, file=sys.stderr)


def _complain(message: str) -> None:
    """A message on standard error under the program's name, as every other one says it
    (``pola-karir: …``), so a user reading a CI log or a terminal knows who speaks; a message
    whose catalogue text already names the program is printed as it is."""
    named = message.startswith(f"{PROGRAM}:") or message.startswith(f"{PROGRAM} ")
    print(message if named else f"{PROGRAM}: {message}", file=sys.stderr)


def _unwritable(target: Path) -> str | None:
    """Why a file cannot be written at ``target`` (the system's words), seen without writing:
    it is a folder, or its folder is missing or not a folder; ``None`` otherwise."""
    if target.is_dir():
        return os.strerror(errno.EISDIR)
    if not target.parent.is_dir():
        return os.strerror(errno.ENOENT if not target.parent.exists() else errno.ENOTDIR)
    return None


def _write_skeletons(out: Path, contents: dict[str, str]) -> tuple[str, str] | None:
    """Write every file below ``out``, each created anew (never overwriting, even in a race),
    or none: on the first failure (a file or folder in the way, no permission, a full disk) the
    files this run created are removed, and the path and the system's reason are returned."""
    created: list[Path] = []
    target = out
    try:
        for name, content in contents.items():
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8") as handle:
                created.append(target)
                handle.write(content)
    except OSError as error:
        for path in created:
            path.unlink(missing_ok=True)
        return str(error.filename or target), error.strerror or type(error).__name__
    return None


# --- init, skema -----------------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    """A new agency repository in FOLDER: refused (exit 2, nothing written) when the name is
    unfit or FOLDER is a file or holds anything but ``.git``; never overwrites a file."""
    from pola_karir import scaffold

    lang, folder = args.lang, Path(args.folder)
    if args.nasional and args.nama is not None:
        print(text("nasional.scaffold.name_unused", lang), file=sys.stderr)
        return EXIT_USAGE
    nama = text("scaffold.default_name", DEFAULT_LANGUAGE) if args.nama is None else args.nama
    problem = scaffold.name_problem(nama)
    if problem is not None:
        print(text(problem, lang, name=shown(nama), most=scaffold.MAX_NAME), file=sys.stderr)
        return EXIT_USAGE
    if folder.exists() and not folder.is_dir():
        print(text("scaffold.not_a_folder", lang, folder=shown(folder)), file=sys.stderr)
        return EXIT_USAGE
    entry = scaffold.blocking_entry(folder)
    if entry is not None:
        message = text("scaffold.not_empty", lang, folder=shown(folder), entry=shown(entry))
        print(message, file=sys.stderr)
        return EXIT_USAGE
    name = " ".join(nama.split())  # as the agency writes it, without stray spaces
    if args.nasional:
        files = scaffold.national_repository(date.today().year)
    else:
        if args.jenis_regulasi is not None:
            problem = scaffold.kind_problem(args.jenis_regulasi)
            if problem is not None:
                kind_shown = shown(args.jenis_regulasi)
                print(text(problem, lang, kind=kind_shown, most=scaffold.MAX_NAME), file=sys.stderr)
                return EXIT_USAGE
            kind: str | None = " ".join(args.jenis_regulasi.split())
        else:
            kind = scaffold.regulation_kind(name)
        if kind is None:
            print(text("regulasi.unknown", lang, name=shown(name)), file=sys.stderr)
            return EXIT_USAGE
        files = scaffold.repository(name, date.today().year, kind)
    try:
        scaffold.write_new(folder, files)
    except FileExistsError as error:
        print(text("scaffold.exists", lang, path=shown(error.filename)), file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        message = text(
            "scaffold.cannot_write", lang, path=shown(error.filename), error=error.strerror
        )
        print(message, file=sys.stderr)
        return EXIT_USAGE
    done = "nasional.scaffold.done" if args.nasional else "scaffold.done"
    print(text(done, lang, folder=shown(folder), count=len(files)))
    return EXIT_OK


def _skema(args: argparse.Namespace) -> int:
    """Every schema of the installed release into FOLDER, replacing older copies of them."""
    from pola_karir import scaffold

    lang, folder = args.lang, Path(args.folder)
    if folder.exists() and not folder.is_dir():
        print(text("skema.not_a_folder", lang, folder=shown(folder)), file=sys.stderr)
        return EXIT_USAGE
    try:
        written = scaffold.write_schemas(folder)
    except OSError as error:
        print(
            text("skema.cannot_write", lang, folder=shown(folder), error=error.strerror),
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(text("skema.done", lang, folder=shown(folder), count=len(written)))
    return EXIT_OK


# --- diff ------------------------------------------------------------------------------------


def _diff(args: argparse.Namespace) -> int:
    """What changed in the data between two git revisions. Exit 0 whether or not anything
    changed (a report, not a check); 1 when the data at either revision is not valid (its
    problems are printed, as ``validate`` prints them); 2 for a revision git does not know, a
    folder outside a git work tree or no git."""
    from pola_karir.history import diff as history
    from pola_karir.history.git import GitError
    from pola_karir.site.history import diff_markdown, invalid_markdown

    lang = args.lang
    try:
        result = history.diff_revisions(Path(args.data), args.revision_a, args.revision_b)
    except GitError as error:
        _complain(shown(error.message(lang)))
        return EXIT_USAGE
    if not result.usable:
        for side in result.invalid():
            _complain(shown(text("riwayat.cli.invalid", lang, revision=side.revision)))
        if args.format == "markdown":
            sys.stdout.write(invalid_markdown(result, lang))
        else:
            report = _report_format(args.format)
            sys.stdout.write(render(report, result.diagnostics, result.file_count, lang))
        return EXIT_FINDINGS
    if args.format == "json":
        sys.stdout.write(history.as_json(result, lang))
    elif args.format == "markdown":
        sys.stdout.write(diff_markdown(result, lang))
    else:
        sys.stdout.write(history.as_text(result, lang))
    return EXIT_OK


# --- lampiran --------------------------------------------------------------------------------


def _lampiran(args: argparse.Namespace) -> int:
    """The regulation's annex as PDF and/or printable HTML. Everything is made in memory first;
    each file is then written whole or not at all (a failure leaves no half-written file)."""
    from pola_karir.site import annex_pdf
    from pola_karir.site.render import GraphvizError

    lang = args.lang
    if not args.pdf and not args.html:
        _complain(text("lampiran.cli.needs_output", lang))
        return EXIT_USAGE
    if args.pdf and args.html and Path(args.pdf).resolve() == Path(args.html).resolve():
        _complain(text("lampiran.cli.same_output", lang, path=shown(args.pdf)))
        return EXIT_USAGE
    for target in (Path(name) for name in (args.pdf, args.html) if name):
        # Said before anything is made or written: with two outputs, the first must not be
        # written when the second cannot be (the message says no file was written).
        unusable = _unwritable(target)
        if unusable is not None:
            _complain(text("lampiran.cli.cannot_write", lang, path=shown(target), error=unusable))
            return EXIT_USAGE
    loaded, code = _load_data(args.data, lang)
    if loaded is None:
        return code
    assert loaded.dataset is not None
    try:
        _, document = annex_pdf.annex_document(loaded.dataset)
    except GraphvizError as error:
        _complain(text("lampiran.cli.diagram_failed", lang, error=error.message(lang)))
        return EXIT_USAGE
    outputs: list[tuple[Path, bytes, str]] = []
    if args.pdf:
        try:
            made = annex_pdf.pdf(document)
        except annex_pdf.PdfUnavailable as error:
            _complain(shown(error.message(lang)))
            return EXIT_USAGE
        except annex_pdf.PdfFailed as error:
            _complain(shown(error.message(lang)))
            return EXIT_INTERNAL
        written = text("lampiran.cli.written_pdf", lang, path=shown(args.pdf), pages=made.pages)
        outputs.append((Path(args.pdf), made.data, written))
    if args.html:
        written = text("lampiran.cli.written_html", lang, path=shown(args.html))
        outputs.append((Path(args.html), document.encode("utf-8"), written))
    for path, data, written in outputs:
        try:
            annex_pdf.write_atomic(path, data)
        except OSError as error:
            reason = error.strerror or str(error)
            _complain(text("lampiran.cli.cannot_write", lang, path=shown(path), error=reason))
            return EXIT_USAGE
        print(written)
    return EXIT_OK


# --- nasional --------------------------------------------------------------------------------


def _nasional(args: argparse.Namespace) -> int:
    """Many agencies in one repository (:mod:`pola_karir.site.national`): find and validate
    every agency under ROOT (an invalid one is reported by file, line and column: exit 1), check
    GitLab's static matrix, print the list (``--format json``: the CI matrix, and nothing else
    on standard output), build the sites one after another (``--bangun``) and write the
    national index page. Nothing is built or written unless every agency is valid."""
    from pola_karir.site import national

    lang = args.lang
    root = Path(args.root)
    usage = _national_usage(args)
    if usage is not None:
        print(text(usage, lang), file=sys.stderr)
        return EXIT_USAGE
    if not root.is_dir():
        return _missing_dir(root, lang)
    if args.alamat and national.site_address(args.alamat) is None:
        print(shown(text("nasional.address.invalid", lang, address=args.alamat)), file=sys.stderr)
        return EXIT_USAGE
    if args.bangun:
        refused = _not_a_file(Path(args.mkdocs), lang, "nasional.no_config")
        if refused is not None:
            return refused
    survey = national.survey(root, args.root, args.instansi)
    # With --format json, standard output holds the matrix only: the rest goes to stderr.
    report = sys.stderr if args.format == "json" else sys.stdout
    if args.instansi is not None and not survey.checked:
        message = text("nasional.only.missing", lang, slug=shown(args.instansi), root=shown(root))
        print(message, file=sys.stderr)
        return EXIT_USAGE
    if not survey.checked and not survey.misnamed:
        print(text("nasional.none", lang, root=shown(args.root)), file=sys.stderr)
        return EXIT_FINDINGS
    if not _national_report(survey, args.format, args.strict, lang, report):
        return EXIT_FINDINGS
    if args.gitlab_ci is not None and not _gitlab_matrix(survey, Path(args.gitlab_ci), args):
        return EXIT_FINDINGS
    if args.format == "json":
        print(json_safe(national.matrix_json(survey.agencies, lang)))
    else:
        for agency in survey.agencies:
            kind = text(f"nasional.kind.{agency.kind}", lang)
            line = text(
                "nasional.listed",
                lang,
                folder=agency.shown,
                name=agency.name,
                kind=kind,
                positions=agency.positions,
            )
            print(shown(line))
        print(text("nasional.total", lang, count=len(survey.agencies)))
    output = Path(args.keluaran or NATIONAL_OUTPUT)
    if args.bangun and not _national_build(survey, output, args, report):
        return EXIT_FINDINGS
    if (args.keluaran or args.bangun) and args.instansi is None:
        return _national_index(survey, output, lang, report)
    return EXIT_OK


def _national_usage(args: argparse.Namespace) -> str | None:
    """The catalogue key of a combination of options that cannot work, or ``None``."""
    if args.instansi is not None and args.keluaran and not args.bangun:
        return "nasional.only.needs_build"
    if args.instansi is not None and args.gitlab_ci is not None:
        return "nasional.only.no_gitlab"
    if args.alamat and not args.bangun:
        return "nasional.address.needs_build"
    return None


def _national_report(
    survey: national.Survey, fmt: str, strict: bool, lang: str, stream: TextIO
) -> bool:
    """Every agency's problems as ``validate`` words them (``--format github``: annotations),
    each failing agency named, and the misnamed folders; ``True`` when all are fine."""
    report_format = "text" if fmt == "json" else fmt
    failed = 0
    for checked in survey.checked:
        result = checked.result
        if result.diagnostics:
            stream.write(render(report_format, result.diagnostics, result.file_count, lang))
        if not checked.failed(strict):
            continue
        failed += 1
        counts = count_by_severity(result.diagnostics)
        key = "nasional.invalid" if not result.ok else "nasional.strict_failed"
        said = text(
            key,
            lang,
            folder=checked.shown,
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
        )
        print(shown(said), file=stream)
    for folder in survey.misnamed:
        print(
            shown(text("nasional.misnamed", lang, folder=folder, root=survey.shown_root)),
            file=stream,
        )
    failed += len(survey.misnamed)
    if failed:
        total = len(survey.checked) + len(survey.misnamed)
        print(text("nasional.failed_total", lang, failed=failed, count=total), file=stream)
    stream.flush()
    return failed == 0


def _gitlab_matrix(survey: national.Survey, pipeline: Path, args: argparse.Namespace) -> bool:
    """GitLab's ``parallel:matrix`` lists exactly the agencies' folders (or each difference is
    said at its line in the pipeline file, with how to fix it)."""
    from pola_karir.site import national

    lang = args.lang
    if _not_a_file(pipeline, lang, "nasional.gitlab.no_file") is not None:
        return False
    problems = national.gitlab_matrix_problems(pipeline, args.gitlab_ci, survey)
    for problem in problems:
        loc = problem.location
        said = text(problem.key, lang, **problem.values)
        print(shown(f"{loc.file}:{loc.line}:{loc.column}: error: {said}"), file=sys.stderr)
    return not problems


def _national_build(
    survey: national.Survey, output: Path, args: argparse.Namespace, stream: TextIO
) -> bool:
    """Build each agency's site with MkDocs, one process after another, its output passed on
    line by line (terminal-safe); ``True`` when every build succeeded."""
    import secrets
    import subprocess

    from pola_karir.site import national

    lang = args.lang
    failed = 0
    # Empty: the CI variable holding the address is not set, and the sites get no site_url.
    address = national.site_address(args.alamat) if args.alamat else None
    for agency in survey.agencies:
        command = national.build_command(
            agency, Path(args.mkdocs), output, args.strict, sys.executable, lang, address=address
        )
        start = text(
            "nasional.build.start",
            lang,
            folder=agency.shown,
            site=command.site,
            command=command.as_shell(),
        )
        print(shown(start), file=stream)
        stream.flush()
        try:
            process = subprocess.Popen(
                command.argv,
                env=command.environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        except OSError as error:
            said = text("nasional.build.cannot_start", lang, error=error.strerror or error)
            print(shown(said), file=sys.stderr)
            return False
        assert process.stdout is not None
        # On GitHub Actions, a line of MkDocs' output (which may quote the data) must not be
        # read as a workflow command: commands are paused for it with an unguessable token.
        resume = secrets.token_hex(16) if args.format == "github" else None
        if resume is not None:
            print(f"::stop-commands::{resume}", file=stream)
        with process:
            for line in process.stdout:
                # MkDocs and the theme colour some lines: the colours are dropped, anything
                # else a terminal would obey is shown escaped (a log line may quote the data).
                stream.write(shown(_SGR.sub("", line.rstrip("\n"))) + "\n")
                stream.flush()
        if resume is not None:
            print(f"::{resume}::", file=stream)
        if process.returncode != 0:
            failed += 1
            said = text("nasional.build.failed", lang, folder=agency.shown, code=process.returncode)
            print(shown(said), file=stream)
    if failed:
        count = len(survey.agencies)
        print(text("nasional.build.some_failed", lang, failed=failed, count=count), file=stream)
    return failed == 0


def _national_index(survey: national.Survey, output: Path, lang: str, stream: TextIO) -> int:
    """``OUTPUT/index.html``, once every agency's site is in OUTPUT: the page never links to a
    site that is not there. Written whole or not at all."""
    from pola_karir.site import national
    from pola_karir.site.annex_pdf import write_atomic
    from pola_karir.site.national_index import index_html

    missing = national.missing_sites(survey.agencies, output)
    for agency in missing:
        said = text(
            "nasional.index.missing_site",
            lang,
            folder=agency.shown,
            path=output / agency.slug / national.INDEX,
            root=survey.shown_root,
            output=output,
        )
        print(shown(said), file=sys.stderr)
    if missing:
        return EXIT_FINDINGS
    target = output / national.INDEX
    try:
        write_atomic(target, index_html(survey.agencies, lang).encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        said = text("nasional.index.cannot_write", lang, path=target, error=reason)
        print(shown(said), file=sys.stderr)
        return EXIT_USAGE
    said = text("nasional.index.written", lang, path=target, count=len(survey.agencies))
    print(shown(said), file=stream)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
