"""The Atom feed of the news (full content) and sitemap.xml (every page) parse and list everything."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import REPO, front_matter_free  # noqa: F401  (placeholder replaced below)
