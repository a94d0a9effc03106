"""The event plugin's named moments, which other plugins connect to (docs/architecture.md, « Signaux »).

Blinker signals are found by name: a plugin connects with ``blinker.signal("event.enrich")``
without importing the event plugin. Receivers are module-level functions (blinker keeps weak
references). Every receiver gets the sender (the event generator) and keyword arguments only.
"""

from __future__ import annotations

from blinker import signal

# Sent once the content is read, validated and linked into the one model that belongs to no
# language, before any edition is made. Keyword arguments: ``context`` (the build's shared Pelican
# context), ``event`` (the model, an ``Event``), ``settings`` (Pelican's settings, read only).
# Receivers enrich the model in place (the gallery sets ``.picture`` on speakers and partners);
# every edition is a copy made afterwards, so each one carries the enrichment. Problems go through
# ``content_problem``.
EVENT_ENRICH = signal("event.enrich")

# Sent once ``context["editions"]`` holds the frozen editions (default language first). Keyword
# arguments: ``context``, ``editions`` (the tuple). For plugins that prepare per-language data
# before the pages are written; the editions themselves never change.
EDITIONS_READY = signal("event.editions_ready")

# Sent by eventsite.phases.write when the build goes on to write (reading, linking and strict mode
# passed), before the first generator writes. Keyword arguments: ``generators`` (the build's
# generators, as ``all_generators_finalized`` gives them). For work done alongside the writing,
# which its plugin's generator waits for in its ``generate_output`` and stops on
# ``event.write_failed`` (the cards plugin's drawing workers). A plain ``pelican`` run sends neither.
WRITE_STARTED = signal("event.write_started")

# Sent by eventsite.phases.write once every generator has written its output, before the written
# site is read whole (the stale files' removal, then the finalized handlers: search index, sitemap,
# image cleaning, and the record of written pages). Keyword arguments: ``generators``, ``context``
# (the build's shared context). For work done alongside the writing on the written pages, which
# its receiver waits for here (the typography plugin's typesetting workers).
PAGES_WRITTEN = signal("event.pages_written")

# Sent by eventsite.phases.write once the written site is whole (every page written and typeset,
# the previous site's stale files removed), right before the finalized handlers. Keyword arguments:
# ``generators``, ``context``. A receiver may start reading the whole site in the background and
# return a pending run: an object with ``wait()`` (raises its error), ``cancel()`` (stops it at
# once) and ``replaces``, the finalized receiver whose work it does. write() calls every other
# finalized receiver meanwhile (none of them changes the pages: they write the sitemap, clean the
# images, check the names), then waits for each pending run; it cancels them if anything fails. A
# plain ``pelican`` run sends nothing, and its finalized receivers do the work (the search plugin's
# Pagefind).
SITE_WRITTEN = signal("event.site_written")

# Sent by eventsite.phases.write when writing fails (any exception, Ctrl-C included), before the
# error goes on. Keyword arguments: ``generators``, ``error``. Receivers stop at once what they
# started on ``event.write_started``, leaving no process and no half-written file behind.
WRITE_FAILED = signal("event.write_failed")
