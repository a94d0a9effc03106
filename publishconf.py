"""Settings for the published site: pelicanconf.py plus an absolute address and strict checks."""

from __future__ import annotations

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The address the site is served from; a fork publishes under its own by setting SITEURL.
SITEURL = os.environ.get("SITEURL", "https://example.github.io/seminaire").rstrip("/")
RELATIVE_URLS = False
EVENT_STRICT = True
EVENT_SHOW_PROBLEMS = False

FEED_ALL_ATOM = "feeds/atom.xml"
FEED_DOMAIN = SITEURL

# Custom domain, written as CNAME on gh-pages. Empty: none.
CNAME = os.environ.get("SITE_CNAME", "")

# Reproducible output: no cache from a previous preview, no date from the file system,
# no draft decided by the clock.
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DEFAULT_DATE = None
WITH_FUTURE_DATES = True

# Active or foreign content the pre-publish checks let through on purpose, by origin
# (eventsite/allowances.py, docs/publier.md), e.g.
# PUBLISH_ALLOW_EMBEDS = ("https://www.youtube-nocookie.com",)
# PUBLISH_ALLOW_FORMS = ("https://www.demarches-simplifiees.fr",)
