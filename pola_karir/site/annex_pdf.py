"""The annex as files: its diagrams rendered, the printable HTML, and the PDF by WeasyPrint.

WeasyPrint is an optional dependency (``pip install 'pola-karir[pdf]'``): only the PDF needs
it, and it is imported when a PDF is asked for. It is given a URL fetcher that refuses every
address: the document is self-contained, so any fetch would come from data (an address
written into a name), and an annex must never load anything from anywhere.

Files are written whole or not at all: the bytes go to a temporary file in the target's
folder, which is then renamed over the target; a failure removes the temporary file and leaves
whatever was at the target before.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pola_karir.model import Dataset
from pola_karir.site import annex_html
from pola_karir.site.annex import Annex, annex
from pola_karir.site.render import render_all
from pola_karir.text.catalogue import WordedError


class PdfUnavailable(WordedError):
    """WeasyPrint (or the Pango library it needs) is not installed; says how to install it."""


class PdfFailed(WordedError):
    """WeasyPrint could not lay out the document."""


class RefusedFetch(ValueError):
    """A resource the annex must not load (every address is refused)."""


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


def annex_document(dataset: Dataset, jobs: int = 2) -> tuple[Annex, str]:
    """The annex model and its HTML, with every diagram rendered (by ``dot``, uncached)."""
    model = annex(dataset)
    svgs, _ = render_all(model.diagrams, None, jobs)
    return model, annex_html.document(model, svgs)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise PdfUnavailable("lampiran.cli.no_weasyprint", error=str(error)) from error
    return weasyprint


def _fetcher(weasyprint: Any) -> Any:
    """A URL fetcher that refuses everything. WeasyPrint 68 and later take an object of
    their ``URLFetcher`` class; earlier releases a function."""

    def refuse(url: str, *args: object, **kwargs: object) -> Any:
        raise RefusedFetch(url[:200])

    base = getattr(getattr(weasyprint, "urls", None), "URLFetcher", None)
    if base is None:
        return refuse

    class Refusing(base):  # type: ignore[misc, valid-type]
        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            return refuse(url)

    return Refusing()


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """WeasyPrint logs what it skips (an address refused, a CSS property it does not know) on
    its logger; Python would print those records on standard error when the program set up
    no logging. They concern our own self-contained document, never the user's data: dropped."""
    logger = logging.getLogger(name)
    handler = logging.NullHandler()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def pdf(html: str) -> Pdf:
    """Lay out the HTML as PDF in memory (nothing is written)."""
    weasyprint = _weasyprint()
    try:
        with _quiet("weasyprint"):
            document = weasyprint.HTML(string=html, url_fetcher=_fetcher(weasyprint)).render()
            data = document.write_pdf()
    except Exception as error:  # WeasyPrint raises many kinds; each ends as one message
        raise PdfFailed(
            "lampiran.cli.pdf_failed", error=f"{type(error).__name__}: {error}"
        ) from error
    return Pdf(bytes(data), len(document.pages))


def _mode(target: Path) -> int:
    """The permissions the file gets: those of the file it replaces, else what the umask gives
    a new file (a temporary file is created readable by its owner only)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (temporary file, then rename)."""
    mode = _mode(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp).chmod(mode)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
