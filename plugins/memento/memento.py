"""Pelican wiring of the memento plugin: one page holding every theme, workshop and proposal."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from eventsite.settingskit import check_at_startup

from .settings import DEFAULTS, setting


def save_as(url: str) -> str:
    """The file a site-relative URL is served from."""
    return url + "index.html" if url == "" or url.endswith("/") else url


class MementoGenerator(Generator):
    """Writes the memento page once the event plugin has read and linked the outcomes."""

    def generate_context(self) -> None:
        """Nothing to read."""

    def generate_output(self, writer: Any) -> None:
        """Write the memento, if the event has themes."""
        event = self.context.get("event")
        if event is None or not event.themes:
            return
        url = str(setting(self.settings, "MEMENTO_URL"))
        writer.write_file(
            save_as(url),
            self.get_template(str(setting(self.settings, "MEMENTO_TEMPLATE"))),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_url=url,
            memento_title=str(setting(self.settings, "MEMENTO_TITLE")),
        )


def add_generator(pelican: Any) -> type[MementoGenerator]:
    """Give Pelican the memento's generator."""
    return MementoGenerator


@pass_context
def memento_url(context: Any) -> str:
    """Jinja global: the site-relative URL of the memento."""
    return str(setting(context, "MEMENTO_URL"))


def add_template_helpers(generator: Any) -> None:
    """Offer memento_url() to every generator's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["memento_url"] = memento_url


def publish_settings(pelican: Any) -> None:
    """Put the MEMENTO_* values in the settings, so that other plugins (search's list of pages) can link the memento."""
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def register() -> None:
    """Connect the memento plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.initialized.connect(publish_settings)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
