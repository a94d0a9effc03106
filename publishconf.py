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

FEED_ALL_ATOM = "feeds/atom.xml"
FEED_DOMAIN = SITEURL

# A published build starts from nothing: no cache from a previous preview.
LOAD_CONTENT_CACHE = False
