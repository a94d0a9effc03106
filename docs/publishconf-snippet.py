"""Settings for the published site: paste into publishconf.py (lead's file).

publishconf.py starts with `from pelicanconf import *` (as Pelican's template
does) and then overrides only what publishing needs; pelicanconf's values are
never changed in place: every container below is a new object.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# Absolute address of the published site, no trailing slash. A fork or CI sets
# SITEURL (the workflow passes the GitHub Pages URL: https://ORG.github.io/REPO).
SITEURL = os.environ.get("SITEURL", "https://example.github.io/seminaire").rstrip("/")
# Absolute URLs everywhere: with RELATIVE_URLS and an empty FEED_DOMAIN, Pelican
# themes write root-absolute feed links (/feeds/all.atom.xml) that break under
# /REPO/ (tests/publish/test_subpath.py proves it).
RELATIVE_URLS = False

# Feeds on, with absolute links inside them.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"

# Strict build: the event plugin turns content errors into failures.
EVENT_STRICT = True

# Custom domain (written as CNAME on gh-pages by ghp-import -c). Empty = none.
CNAME = os.environ.get("SITE_CNAME", "")

# Reproducible output: a fresh build, no cache from a previous run, no date
# taken from the file system (a git checkout sets every mtime to "now").
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DEFAULT_DATE = None  # every dated item must say its date; never "fs"
WITH_FUTURE_DATES = True  # an event announces future dates; do not turn them into drafts by clock
# Empty feeds get <updated> = build time: keep at least one dated article,
# or set FEED_ALL_ATOM/FEED_ALL_RSS = None when the site has no articles.
