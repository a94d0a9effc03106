"""Write the editor (Decap CMS, its configuration generated from the schema) into the site's admin/ folder."""

from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
from typing import Any

from pelican import signals
from pelican.generators import Generator

from eventsite.editorbundle import SERVED_NAME, BundleMissing, bundle_folder
from eventsite.editorconfig import editor_settings
from eventsite.editorschema import build_forms
from eventsite.editorserver import STATIC, editor_page
from eventsite.settingskit import check_at_startup

from .settings import problems, setting

logger = logging.getLogger(__name__)
FOLDER = "admin"
# The scripts go with the theme's: the publish checks accept scripts from theme/ only (eventsite/activecontent.py).
SCRIPTS = ("theme", "admin")


def site_config(settings: Any) -> dict[str, Any]:
    """editor.json for the published site: the GitHub backend, every save a commit on EDITOR_BRANCH.

    The forms come from the event plugin's schema and settings (its modules, read, never changed).
    """
    event = importlib.import_module("event.settings").read_event_settings(settings)
    forms = build_forms(importlib.import_module("event.schema"), importlib.import_module("event.reading"), event)
    site_url = str(settings.get("SITEURL") or "/")
    config = editor_settings(forms, "", site_url)
    config["config"]["backend"] = {
        "name": "github", "repo": str(setting(settings, "EDITOR_GITHUB_REPO")),
        "branch": str(setting(settings, "EDITOR_BRANCH")), "base_url": str(setting(settings, "EDITOR_AUTH_URL")),
        "commit_messages": {"create": "Éditeur : création de {{slug}} ({{collection}})",
                            "update": "Éditeur : modification de {{slug}} ({{collection}})",
                            "uploadMedia": "Éditeur : ajout de l'image {{path}}"},
    }
    return config


class AdminGenerator(Generator):
    """Writes admin/ (the editor's page and configuration) and theme/admin/ (its scripts) when EDITOR_ON_SITE is on."""

    def generate_context(self) -> None:
        """Nothing to read."""

    def generate_output(self, writer: Any) -> None:
        """Write admin/ into the output, or say in French why it cannot be written."""
        if not setting(self.settings, "EDITOR_ON_SITE"):
            return
        found = problems(self.settings)
        if "event" not in self.settings.get("PLUGINS", ()):
            found.append("l'éditeur a besoin du greffon « event » dans PLUGINS")
        try:
            bundle = bundle_folder()
        except BundleMissing as missing:
            found.append(str(missing))
        for problem in found:
            logger.error("Éditeur en ligne (EDITOR_ON_SITE) : %s", problem)
        if found:
            return
        page_folder = os.path.join(self.output_path, FOLDER)
        scripts = os.path.join(self.output_path, *SCRIPTS)
        os.makedirs(page_folder, exist_ok=True)
        os.makedirs(scripts, exist_ok=True)
        config = json.dumps(site_config(self.settings), ensure_ascii=False, sort_keys=True)
        with open(os.path.join(page_folder, "index.html"), "w", encoding="utf-8") as stream:
            stream.write(editor_page("../" + "/".join(SCRIPTS) + "/"))
        with open(os.path.join(page_folder, "editor.json"), "w", encoding="utf-8") as stream:
            stream.write(config)
        shutil.copyfile(STATIC / "editor.js", os.path.join(scripts, "editor.js"))
        for name in sorted(os.listdir(bundle)):
            if SERVED_NAME.match(name):
                shutil.copyfile(bundle / name, os.path.join(scripts, name))


def add_generator(pelican: Any) -> type[AdminGenerator]:
    """Give Pelican the editor's generator."""
    return AdminGenerator


def register() -> None:
    """Connect the admin plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
