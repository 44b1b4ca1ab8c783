"""The ``pola-karir`` command: a thin shell over the core.

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pola_karir import __version__
from pola_karir.report import FORMATS, render
from pola_karir.validate import validate_project

DEFAULT_DATA = "data"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pola-karir",
        description="Pola karier PNS: validasi data dan pembuatan situs. "
        "(Civil-servant career pattern: data validation and site building.)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    check = commands.add_parser(
        "validate",
        help="periksa folder data (check a data folder)",
        description="Periksa semua berkas YAML di folder data dan laporkan setiap masalah "
        "dengan berkas, baris, dan kolomnya.",
    )
    check.add_argument(
        "data_dir",
        nargs="?",
        default=DEFAULT_DATA,
        metavar="DIR",
        help=f"folder data (bawaan: {DEFAULT_DATA})",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="bentuk laporan: text, json, atau github (anotasi GitHub Actions)",
    )
    check.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="bahasa pesan: id (Indonesia) atau en (English)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    return 2  # pragma: no cover - argparse rejects unknown commands first


def _validate(args: argparse.Namespace) -> int:
    root = Path(args.data_dir)
    if not root.is_dir():
        message = (
            f"pola-karir: folder data '{root}' tidak ditemukan"
            if args.lang == "id"
            else f"pola-karir: data folder '{root}' not found"
        )
        print(message, file=sys.stderr)
        return 2
    result = validate_project(root, args.data_dir)
    sys.stdout.write(render(args.format, result.diagnostics, result.file_count, args.lang))
    return 0 if result.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
