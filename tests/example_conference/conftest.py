"""The example event built once per session (strictly, into tmp), served on 127.0.0.1 for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventsite.localserver import serve_folder
from tests.browser.conftest import new_context  # noqa: F401 (the browser suite's contexts: local requests only)
from tests.conftest import SharedBuild, build_shared

from .site import SETTINGS, SITE_URL


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> SharedBuild:
    """The example event built strictly (any warning fails) with its published address, from a cold cache."""
    build = build_shared(tmp_path_factory.mktemp("example-conference"), SETTINGS, SITEURL=SITE_URL, FEED_DOMAIN=SITE_URL)
    assert build.result.warnings == []
    return build


@pytest.fixture(scope="session")
def example_url(example_site: SharedBuild) -> Iterator[str]:
    """The built example event's address on 127.0.0.1 (ending in /), served for the whole session."""
    with serve_folder(example_site.output) as url:
        yield url
