"""The ``pola-karir`` command: a thin shell over the core.

Commands: ``validate`` (check the data), ``cocokkan`` (match one employee's profile with the
positions), ``audit`` (check a whole staff list against the requirements).
Exit codes: 0 fine (warnings allowed), 1 problems found in the input, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from pola_karir import __version__
from pola_karir import reference as ref
from pola_karir.career.matching import (
    Eligibility,
    State,
    Status,
    check,
    explore,
    explore_data,
    finding_data,
    profile_from_data,
    summary_counts,
)
from pola_karir.career.timeline import Timeline, timeline_data, timeline_for
from pola_karir.diagnostics import Diagnostic, diag, has_errors, suggestion, term
from pola_karir.load.schema import validate_document
from pola_karir.load.yaml_loader import load_document
from pola_karir.model import Dataset, Location
from pola_karir.report import FORMATS, render
from pola_karir.rules.validate import ValidationResult, validate_project
from pola_karir.text import names, phrases, waktu
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text

DEFAULT_DATA = "data"
LANGS = ("id", "en")


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

    parser = argparse.ArgumentParser(prog="pola-karir", description=say("program"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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
    _lang(check_cmd, say("lang"))

    match_cmd = commands.add_parser(
        "cocokkan", help=say("cocokkan"), description=say("cocokkan.description")
    )
    match_cmd.add_argument("profile", metavar="PROFIL.yml", help=say("cocokkan.profile"))
    match_cmd.add_argument("--ke", metavar="JABATAN", help=say("cocokkan.target"))
    match_cmd.add_argument(
        "--langkah", type=int, default=3, metavar="K", help=say("cocokkan.moves", default=3)
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
    _lang(audit_cmd, say("lang"))
    return parser


def _lang(command: argparse.ArgumentParser, help_text: str) -> None:
    command.add_argument("--lang", choices=LANGS, default=DEFAULT_LANGUAGE, help=help_text)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = _parser(_help_language(words)).parse_args(words)
    handlers = {"validate": _validate, "cocokkan": _match, "audit": _audit}
    return handlers[args.command](args)


def _missing_dir(root: Path, lang: str) -> int:
    print(text("data_dir.missing", lang, root=root), file=sys.stderr)
    return 2


def _validate(args: argparse.Namespace) -> int:
    root = Path(args.data_dir)
    if not root.is_dir():
        return _missing_dir(root, args.lang)
    result = validate_project(root, args.data_dir)
    sys.stdout.write(render(args.format, result.diagnostics, result.file_count, args.lang))
    return 0 if result.ok else 1


def _load_data(folder: str, lang: str) -> tuple[ValidationResult | None, int]:
    """The validated dataset, or the validation report and exit code when it is not usable."""
    root = Path(folder)
    if not root.is_dir():
        return None, _missing_dir(root, lang)
    result = validate_project(root, folder)
    if result.dataset is None:
        sys.stdout.write(render("text", result.diagnostics, result.file_count, lang))
        return None, 1
    return result, 0


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
# The cocokkan report is in Indonesian whatever --lang says, like the findings it prints (their
# words come from the matching module, which the browser version mirrors).
_REPORT_LANG = DEFAULT_LANGUAGE


def _say(key: str, **values: object) -> str:
    return text(key, _REPORT_LANG, **values)


def _match(args: argparse.Namespace) -> int:
    loaded, code = _load_data(args.data, args.lang)
    if loaded is None:
        return code
    dataset = loaded.dataset
    assert dataset is not None
    path = Path(args.profile)
    if not path.is_file():
        print(text("cli.match.no_profile", args.lang, path=path), file=sys.stderr)
        return 2
    data, problems = profile_diagnostics(dataset, path)
    if data is None:
        sys.stdout.write(render("text", problems, 1, args.lang))
        return 1
    profile = profile_from_data(data)
    if args.ke:
        if args.ke not in dataset.positions:
            print(text("cli.match.no_position", args.lang, position=args.ke), file=sys.stderr)
            return 2
        result = check(dataset, profile, dataset.positions[args.ke])
        if args.format == "json":
            payload = {
                "jabatan": args.ke,
                "status": result.state.value,
                "memenuhi": result.eligible,
                "temuan": [finding_data(f) for f in result.findings],
            }
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(_eligibility_text(dataset, result, detailed=True))
        return 0
    results = explore(dataset, profile, args.langkah)
    counts = summary_counts(results)
    timelines = [timeline_for(found, dataset, profile) for found in results]
    if args.format == "json":
        # explore_data is what the browser engine reproduces key by key; the honest time
        # ("waktu") is added beside it here until the browser shows it too.
        payload = {
            "jabatan": profile.position,
            "langkah": args.langkah,
            "ringkasan": counts,
            "hasil": [
                {**found, "waktu": timeline_data(timeline)}
                for found, timeline in zip(
                    explore_data(dataset, profile, args.langkah), timelines, strict=True
                )
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if profile.position is None:
        print(_say("cli.match.no_current_position"))
        return 0
    origin = names.position_name(dataset, profile.position, _REPORT_LANG)
    print(_say("cli.match.heading", origin=origin, count=len(results), moves=args.langkah))
    if results:
        print(_say("cli.match.summary", **counts))
    print()
    for found, timeline in zip(results, timelines, strict=True):
        when = _when(timeline)
        sys.stdout.write(_say("cli.match.reach", moves=found.reach.moves, when=when))
        sys.stdout.write(_route_text(dataset, found.steps, found.state, found.to_fill))
    return 0


def _when(timeline: Timeline) -> str:
    """The earliest time of a result, with what sets it and every assumption beside it."""
    step = timeline.destination
    return waktu.when(
        step.years,
        step.estimate,
        step.binding,
        step.assumptions,
        step.unknown,
        timeline.rating,
        _REPORT_LANG,
    )


def _verdict(state: State, unmet: int, unknown: int, to_fill: tuple[str, ...]) -> str:
    """A result's state in words: never "eligible" while a requirement is unassessed."""
    if state is State.MET:
        return _say("cli.match.eligible")
    if state is State.UNMET:
        return _say("cli.match.unmet", count=unmet)
    fields = ", ".join(phrases.label("aspek", aspect, _REPORT_LANG).lower() for aspect in to_fill)
    return _say("cli.match.not_assessed", count=unknown, fields=fields)


def _route_text(
    dataset: Dataset, steps: tuple[Eligibility, ...], state: State, to_fill: tuple[str, ...]
) -> str:
    """The destination with its verdict for the whole route, then the unmet requirements of each
    step on the way (named) and of the destination."""
    destination = steps[-1]
    unmet = sum(len(step.unmet) for step in steps)
    unknown = sum(len(step.unknown) for step in steps)
    name = names.position_name(dataset, destination.position, _REPORT_LANG)
    lines = [f"{name} [{destination.position}] — {_verdict(state, unmet, unknown, to_fill)}"]
    for step in steps:
        if step is not destination and step.unmet:
            step_name = names.position_name(dataset, step.position, _REPORT_LANG)
            lines.append(f"    {_say('cli.match.via', position=step_name)}")
        for finding in step.unmet:
            line = _say(
                "cli.match.finding", subject=finding.subject, have=finding.have, need=finding.need
            )
            indent = "      " if step is not destination else "    "
            lines.append(f"{indent}{_MARK[finding.status]} {line}")
    return "\n".join(lines) + "\n"


def _eligibility_text(dataset: Dataset, result: Eligibility, detailed: bool) -> str:
    position = dataset.positions[result.position]
    verdict = _verdict(result.state, len(result.unmet), len(result.unknown), _fill(result))
    name = names.position_name(dataset, position.id, _REPORT_LANG)
    lines = [f"{name} [{position.id}] — {verdict}"]
    shown = result.findings if detailed else result.unmet
    for finding in shown:
        line = _say(
            "cli.match.finding", subject=finding.subject, have=finding.have, need=finding.need
        )
        lines.append(f"    {_MARK[finding.status]} {line}")
    return "\n".join(lines) + "\n"


def _fill(result: Eligibility) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.aspect for f in result.unknown))


# --- audit -----------------------------------------------------------------------------------


def _audit(args: argparse.Namespace) -> int:
    loaded, code = _load_data(args.data, args.lang)
    if loaded is None:
        return code
    assert loaded.dataset is not None
    from pola_karir.audit.run import run_audit

    path = Path(args.csv)
    if not path.is_file():
        print(text("cli.audit.no_file", args.lang, path=path), file=sys.stderr)
        return 2
    run = run_audit(loaded.dataset, path, args.format, date.today())
    sys.stderr.write(run.notes)
    sys.stdout.write(run.report)
    return run.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
