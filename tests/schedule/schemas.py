"""The vendored c3voc schemas (README.md beside them) and the two validators the schedule tests use."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def xml_schema() -> etree.XMLSchema:
    """c3voc's schedule.xml.xsd, compiled by lxml."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))


def json_validator() -> jsonschema.Draft6Validator:
    """c3voc's schema.json (its « // TODO » lines dropped), checking the date and uuid formats."""
    text = "\n".join(line for line in (SCHEMAS / "schema.json").read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//"))
    schema = json.loads(text)
    jsonschema.Draft6Validator.check_schema(schema)
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker(formats=("date", "uuid")))


def xml_errors(path: Path) -> list[str]:
    """Why the XML file at PATH does not validate (empty when it does)."""
    schema = xml_schema()
    schema.validate(etree.parse(str(path)))
    return [str(error) for error in schema.error_log]


def json_errors(data: object) -> list[str]:
    """Why DATA does not validate against schema.json (empty when it does)."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in json_validator().iter_errors(data)]
