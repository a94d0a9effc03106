"""The editor's configuration (Decap CMS), generated from the forms of editorschema.py: never written by hand."""

from __future__ import annotations

from typing import Any

from .editorschema import Form, FormField

URL_PATTERN = ["^(https?://|mailto:)[^\\s]+$", "Écrivez une adresse complète, commençant par https://"]
# Europe/Paris: the editor stores what the author picks, as local time, never converted to UTC.
WIDGETS: dict[str, dict[str, Any]] = {
    "string": {"widget": "string"},
    "text": {"widget": "text"},
    "date": {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY", "time_format": False, "picker_utc": False},
    "time": {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm", "picker_utc": False},
    "datetime": {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "DD/MM/YYYY", "time_format": "HH:mm",
                 "picker_utc": False},
    "number": {"widget": "number", "value_type": "int"},
    "boolean": {"widget": "boolean", "default": False},
    "select": {"widget": "select"},
    "relation": {"widget": "relation", "value_field": "{{slug}}"},
    "image": {"widget": "image", "choose_url": False},
    "url": {"widget": "string", "pattern": URL_PATTERN},
    "list": {"widget": "list"},
}
# The body: Markdown typed as such (« ## » for a heading, « **gras** »), in a labelled text area. Decap's rich
# text mode is left out: axe finds an unnamed text box, an unnamed mode switch and nested menu buttons in it.
BODY = {"label": "Texte", "name": "body", "widget": "markdown", "required": False, "modes": ["raw"],
        "hint": "le texte affiché sur la page, en Markdown : « ## » pour un intertitre, **gras**, *italique*"}


def decap_field(field: FormField, forms: dict[str, Form]) -> dict[str, Any]:
    """One field of Decap's configuration."""
    entry: dict[str, Any] = {"label": field.label.replace("_", " "), "name": field.key, **WIDGETS[field.widget],
                             "required": field.required}
    if field.hint:
        entry["hint"] = field.hint
    if field.widget == "select":
        entry["options"] = [{"label": label, "value": value} for value, label in field.options]
    if field.widget == "relation":
        shown = forms[field.target].identifier
        entry.update(collection=field.target, search_fields=[shown], display_fields=[shown], multiple=field.multiple)
    return entry


def decap_collection(form: Form, forms: dict[str, Form]) -> dict[str, Any]:
    """One collection (a folder of content files) of Decap's configuration."""
    collection: dict[str, Any] = {
        "name": form.name, "label": form.label, "label_singular": form.singular,
        "folder": f"content/{form.folder}", "extension": "md", "format": header_format(form),
        "create": True, "delete": False, "identifier_field": form.identifier, "slug": "{{slug}}",
        # No preview pane: it showed raw values (« round-table ») in an unnamed frame; the site's preview is the preview.
        "editor": {"preview": False},
        "summary": f"{{{{{form.identifier}}}}}",
        "fields": [decap_field(f, forms) for f in form.fields] + [BODY],
    }
    if form.nested_file:
        collection["path"] = f"{{{{slug}}}}/{form.nested_file}"
        collection["media_folder"] = ""
        collection["public_folder"] = ""
    if form.images:
        collection["media_folder"] = f"/content/{form.images}"
        collection["public_folder"] = form.images
    return collection


def header_format(form: Form) -> str:
    """The name of the file format registered for FORM by editor.js (the « Champ: valeur » header)."""
    return f"entete-{form.name}"


def decap_config(forms: tuple[Form, ...], api_url: str, site_url: str) -> dict[str, Any]:
    """Decap's whole configuration for the local editor: API_URL is the file backend, SITE_URL the preview."""
    by_name = {form.name: form for form in forms}
    return {
        "load_config_file": False,
        "backend": {"name": "proxy", "proxy_url": api_url, "branch": "main"},
        "locale": "fr",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": "content/images",
        "public_folder": "images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [decap_collection(form, by_name) for form in forms],
    }


def header_formats(forms: tuple[Form, ...]) -> dict[str, list[dict[str, Any]]]:
    """For editor.js: each format's fields, in writing order, with the spellings read back and the value kind."""
    return {
        header_format(form): [
            {"key": f.key, "name": f.name, "spellings": [f.name, *f.aliases], "widget": f.widget, "multiple": f.multiple,
             "describes": f.describes, "label": f.label.replace("_", " "), "options": [list(o) for o in f.options]}
            for f in form.fields
        ]
        for form in forms
    }


# Decap's French words changed everywhere: « ＋ » (a full-width plus many fonts lack), « Media », and the
# date buttons' names, left in English (« Set day to now ») and not holding their visible text (axe).
DATE_BUTTONS = {"editorWidgets": {"datetime": {"setToNow": "Maintenant"}}}
PHRASES = {
    "app": {"header": {"media": "Images"}},
    "editor": DATE_BUTTONS,
    "collection": {"collectionTop": {"newButton": "Ajouter : %{collectionLabel}",
                                     "newButtonAriaLabel": "Ajouter : %{collectionLabel}"}},
}
# And on the local editor, where « Publier » only saves the file on this computer.
LOCAL_PHRASES = {
    **PHRASES,
    "auth": {"login": "Ouvrir l'éditeur"},
    "editor": {**DATE_BUTTONS, "editorToolbar": {
        "publish": "Enregistrer", "publishing": "Enregistrement…", "published": "Enregistrée",
        "publishNow": "Enregistrer maintenant", "publishAndCreateNew": "Enregistrer et créer une nouvelle entrée",
        "publishAndDuplicate": "Enregistrer et dupliquer",
    }},
}


def editor_settings(forms: tuple[Form, ...], api_url: str, site_url: str, *, local: bool = False) -> dict[str, Any]:
    """Everything editor.js needs: Decap's configuration, the header formats and, LOCAL, the words changed for it."""
    return {"config": decap_config(forms, api_url, site_url), "formats": header_formats(forms),
            "phrases": LOCAL_PHRASES if local else PHRASES}
