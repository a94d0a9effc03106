"""How the editor reads the content schema: one form per content type, one form field per schema field.

This is the only module that knows the shape of the event plugin's schema (schema.Field: name,
french, help, required, parse, choices) and of the scaffolds' gallery fields; the configuration
generator (editorconfig.py) sees only the neutral Form and FormField below. When the schema
changes (labels, help texts, widget kinds), adapt this module and nothing else.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .scaffold import SCAFFOLDS

# Fields naming other content files, and the form (folder) their values come from.
REFERENCES = {
    "speaker_slugs": "speakers",
    "moderator_slugs": "speakers",
    "theme_slug": "themes",
    "workshop_slug": "workshops",
    "session_slug": "sessions",
    "track": "tracks",
}
# The image fields, with the field describing each image for who cannot see it (required with it).
ALT_FIELDS = {"photo": "photo_alt"}
# Each form's name in the editor's menu (French, plural).
FORM_LABELS = {
    "speakers": "Intervenants", "sessions": "Programme", "partners": "Partenaires", "themes": "Thèmes",
    "workshops": "Ateliers", "proposals": "Propositions", "rooms": "Salles", "tracks": "Parcours", "news": "Actualités", "pages": "Pages",
}
ALT_REQUIRED = " (obligatoire dès qu'une image est choisie)"
# A reference is chosen from a list in the form, not typed as identifiers as the schema's help says.
RELATION_HINT = "choisissez dans la liste : tapez le début du nom pour la filtrer"
# The subfolder of content/images/ where each form's uploaded images go (as the guide advises).
IMAGE_FOLDERS = {"speakers": "images/intervenants", "partners": "images/partenaires"}
# What the news' « Date » holds: a date and a time (the schema reads it as text, Pelican parses it).
DATETIME_FIELDS = frozenset({"date"})


@dataclass(frozen=True)
class FormField:
    """One field of a form: the header name it writes, its French label, its kind of input and its rules."""

    name: str
    key: str
    label: str
    widget: str  # string, text, date, time, datetime, number, boolean, select, relation, image, url, list
    required: bool = False
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value written, label shown) for a select
    target: str = ""  # the form a relation chooses from
    multiple: bool = False
    aliases: tuple[str, ...] = ()  # other spellings read back as this field
    describes: str = ""  # for an alt text: the key of the image it describes


@dataclass(frozen=True)
class Form:
    """One kind of content file: its folder under content/, French names, the field naming the file, its fields."""

    name: str
    label: str
    singular: str
    folder: str
    identifier: str
    fields: tuple[FormField, ...]
    images: str = ""
    # A file per folder (content/galleries/<slug>/gallery.md) rather than a file per entry.
    nested_file: str = ""


def widget_for(field: Any, schema: ModuleType) -> tuple[str, bool]:
    """(kind of input, several values?) for a schema.Field, from its parser."""
    if field.choices:
        return "select", False
    if field.attribute in REFERENCES:
        return "relation", field.parse is schema.slugs
    if field.key in DATETIME_FIELDS:
        return "datetime", False
    kinds = {
        schema.day: ("date", False), schema.clock: ("time", False), schema.integer: ("number", False),
        schema.yes_no: ("boolean", False), schema.url: ("url", False), schema.urls: ("list", True),
        schema.names: ("list", True), schema.image_path: ("image", False), schema.slugs: ("list", True),
    }
    return kinds.get(field.parse, ("string", False))


def form_field(field: Any, schema: ModuleType, allowed: Mapping[str, Mapping[str, str]]) -> FormField:
    """The form field of one schema.Field; ALLOWED: field key → {value: label} for the choice fields."""
    widget, multiple = widget_for(field, schema)
    options = tuple(allowed.get(field.key, {}).items()) if widget == "select" else ()
    alt_of = {alt: image for image, alt in ALT_FIELDS.items()}
    hint = RELATION_HINT if widget == "relation" else field.help + (ALT_REQUIRED if field.key in alt_of else "")
    return FormField(
        name=field.name, key=field.key, label=field.label, widget=widget, required=field.required,
        hint=hint, options=options, target=REFERENCES.get(field.attribute, ""), multiple=multiple,
        aliases=tuple(s for s in field.spellings if s != field.name), describes=alt_of.get(field.key, ""),
    )


def gallery_form(schema: ModuleType) -> Form:
    """The gallery form (content/galleries/<slug>/gallery.md), from the schema's gallery fields, under their French names."""
    fields = []
    for f in schema.gallery_fields():
        widget, multiple = widget_for(f, schema)
        written = f.french or f.name
        fields.append(FormField(written, written.lower(), f.label, widget, f.required, f.help, multiple=multiple,
                                aliases=tuple(s for s in (f.name, *f.aliases) if s != written)))
    return Form("galleries", "Galeries de photos", "galerie", "galleries", "titre", tuple(fields), nested_file="gallery")


def build_forms(schema: ModuleType, reading: ModuleType, event: Any) -> tuple[Form, ...]:
    """Every form of the editor, in menu order, from the event plugin's schema and settings."""
    allowed = {"kind": dict(event.session_kinds), "tier": dict(event.partner_tiers)}

    def fields_of(schema_fields: tuple[Any, ...]) -> tuple[FormField, ...]:
        return tuple(form_field(f, schema, allowed) for f in schema_fields)

    forms = [
        Form(t.collection, FORM_LABELS[t.collection], t.label, t.collection, t.fields[0].key, fields_of(t.fields),
             images=IMAGE_FOLDERS.get(t.collection, ""))
        for t in reading.content_types(event)
    ]
    common = schema.common_fields()
    forms.append(Form("news", FORM_LABELS["news"], "actualité", "news", "title", fields_of((*schema.article_fields(), *common[:4]))))
    forms.append(Form("pages", FORM_LABELS["pages"], "page", "pages", "title", fields_of((*schema.page_fields(), *common))))
    forms.append(gallery_form(schema))
    return tuple(forms)


def event_modules(settings_file: Path) -> tuple[Path, ModuleType, ModuleType, Any]:
    """(content folder, schema module, reading module, event settings) of the site configured by SETTINGS_FILE."""
    from pelican import Pelican

    from .build import pelican_settings
    from .check import event_generator_class

    with tempfile.TemporaryDirectory(prefix="eventsite-editor-") as scratch:
        pelican = Pelican(pelican_settings(settings_file, {"OUTPUT_PATH": scratch}))
        package = event_generator_class(pelican).__module__.rsplit(".", 1)[0]
        event = importlib.import_module(f"{package}.settings").read_event_settings(pelican.settings)
        schema = importlib.import_module(f"{package}.schema")
        reading = importlib.import_module(f"{package}.reading")
        return Path(pelican.settings["PATH"]), schema, reading, event


def site_forms(settings_file: Path) -> tuple[Path, tuple[Form, ...]]:
    """(content folder, every form) of the site configured by SETTINGS_FILE."""
    content, schema, reading, event = event_modules(settings_file)
    return content, build_forms(schema, reading, event)
