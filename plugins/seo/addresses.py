"""Site addresses: absolute or not, and the URL a written file is served at."""

from __future__ import annotations

import re


def is_absolute(url: str) -> bool:
    """Tell whether URL starts with http:// or https://."""
    return bool(re.match(r"^https?://", url or ""))


def page_path(output_file: str) -> str:
    """The site-relative URL a file is served at: « programme/index.html » → « programme/ »."""
    return re.sub(r"(^|/)index\.html$", r"\1", output_file)
