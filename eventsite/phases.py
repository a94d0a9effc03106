"""Pelican's run in its two halves, so `check`, the build and strict share the first one.

``read_and_link`` is every generator's generate_context and the all_generators_finalized signal:
reading, validating, linking, and every content problem reported into the channel. ``write`` is
the rest of ``Pelican.run()``. `check` runs the first half only; a build runs both, and strict
stops between them when the channel holds a problem, so the three see one list by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from blinker import signal
from pelican import Pelican
from pelican.plugins import signals

# The documented context key of the event plugin's problem channel (docs/architecture.md).
PROBLEMS_KEY = "content_problems"

# The event plugin's named moments of the write phase (plugins/event/signals.py), found by name.
WRITE_STARTED = signal("event.write_started")
PAGES_WRITTEN = signal("event.pages_written")
SITE_WRITTEN = signal("event.site_written")
WRITE_FAILED = signal("event.write_failed")


def read_and_link(pelican: Pelican) -> tuple[list[Any], dict[str, Any]]:
    """Run every generator's generate_context and all_generators_finalized; return the generators and their context."""
    context: dict[str, Any] = pelican.settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={}, localsiteurl=pelican.settings["SITEURL"])
    generators = [
        cls(context=context, settings=pelican.settings, path=pelican.path, theme=pelican.theme, output_path=pelican.output_path)
        for cls in pelican._get_generator_classes()
    ]
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
        if hasattr(generator, "check_disabled_readers"):
            generator.check_disabled_readers()
    signals.all_generators_finalized.send(generators)
    return generators, context


def content_problems(context: dict[str, Any]) -> list[Any]:
    """The channel's list of content problems (ContentProblem records), empty when none was reported."""
    return list(context.get(PROBLEMS_KEY, ()))


def write(pelican: Pelican, generators: Sequence[Any], before_finalized: Callable[[], object] | None = None,
          renders: Any = None) -> None:
    """Write every generator's output, as the second half of Pelican.run() does.

    BEFORE_FINALIZED runs once the generators are done, before the finalized handlers that
    read the whole site (search index, sitemap, image cleaning). RENDERS (eventsite.rendermemo's
    RenderMemo) gives the writer the pages of earlier builds whose inputs did not change.

    Plugins hear the phase start (``event.write_started``), its pages all written
    (``event.pages_written``, before anything reads the written site), the site whole
    (``event.site_written``: a receiver may read it in the background while the other finalized
    receivers run) and fail (``event.write_failed``, before the error goes on): work they run
    alongside the writing is waited for, or stops with it.
    """
    pending: list[Any] = []
    try:
        WRITE_STARTED.send(pelican, generators=generators)
        for generator in generators:
            if hasattr(generator, "refresh_metadata_intersite_links"):
                generator.refresh_metadata_intersite_links()
        writer = pelican._get_writer()
        if renders is not None and hasattr(writer, "renders"):  # the event plugin's writer
            writer.renders = renders
        for generator in generators:
            if hasattr(generator, "generate_output"):
                generator.generate_output(writer)
        PAGES_WRITTEN.send(pelican, generators=generators, context=generators[0].context if generators else {})
        if before_finalized is not None:
            before_finalized()
        context = generators[0].context if generators else {}
        for receiver in SITE_WRITTEN.receivers_for(pelican):  # one by one: a run started is cancelled if the next one fails
            run = receiver(pelican, generators=generators, context=context)
            if run is not None:
                pending.append(run)
        finalize(pelican, {run.replaces for run in pending})
        while pending:
            pending[0].wait()
            pending.pop(0)
    except BaseException as error:  # Ctrl-C too: what started with the writing stops with it
        for run in pending:
            run.cancel()
        WRITE_FAILED.send(pelican, generators=generators, error=error)
        raise


def finalize(pelican: Pelican, replaced: set[Any]) -> None:
    """Send ``finalized`` as Pelican does, but to no receiver in REPLACED (their work runs in the background, event.site_written)."""
    for receiver in signals.finalized.receivers_for(pelican):
        if receiver not in replaced:
            receiver(pelican)
