"""The open data names a schema a reader can fetch: the export's ``$schema``, resolved against
the export's own address in the built example site, is the published ekspor schema, and the
export is valid under it. Every published schema names itself with its ``$id``."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

from jsonschema import Draft202012Validator
from sitetools import REPO

from pola_karir.load.schema import BASE_URI
from pola_karir.site.build import HR_ONLY_SCHEMAS


def fetch(url: str) -> object:
    with urlopen(url, timeout=30) as response:  # the local test server only
        return json.loads(response.read().decode("utf-8"))


def test_the_exports_schema_resolves_in_the_site(site_url: str) -> None:
    export_url = urljoin(site_url, "data/pola-karir.json")
    export = fetch(export_url)
    assert isinstance(export, dict)
    schema_url = urljoin(export_url, export["$schema"])
    assert schema_url == urljoin(site_url, "schemas/ekspor.schema.json")
    schema = fetch(schema_url)
    assert schema == json.loads((REPO / "schemas" / "ekspor.schema.json").read_text("utf-8"))
    assert isinstance(schema, dict)
    assert list(Draft202012Validator(schema).iter_errors(export)) == []


def test_every_published_schema_names_itself(example_site: Path) -> None:
    published = sorted((example_site / "schemas").glob("*.schema.json"))
    expected = sorted(p.name for p in (REPO / "schemas").glob("*.schema.json"))
    assert [p.name for p in published] == [n for n in expected if n not in HR_ONLY_SCHEMAS]
    for path in published:
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == BASE_URI + path.name
