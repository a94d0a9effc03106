"""Sub-path safety: the site served at /repo/ (GitHub project pages) has no broken URL."""

from __future__ import annotations

from pathlib import Path
from urllib.request import urlopen

from eventsite.checks import check_site
from tests.publish.pelican_site import build, write_project
from tests.publish.sites import page, valid_files, valid_site, write_site
from tests.publish.subpath import crawl, serve_under


def test_server_serves_only_under_the_sub_path(tmp_path: Path) -> None:
    site = valid_site(tmp_path / "site")
    with serve_under(site) as url:
        assert url.endswith("/repo/")
        with urlopen(url) as response:
            assert response.status == 200
        result = crawl(url.replace("/repo/", "/index.html"))
    assert [status for _, status, _ in result.broken] == [404]


def test_valid_site_has_no_broken_url_under_sub_path(tmp_path: Path) -> None:
    site = valid_site(tmp_path / "site", pages=6)
    with serve_under(site) as url:
        result = crawl(url)
    assert result.broken == []
    paths = {u.replace(url, "") for u in result.statuses}
    assert paths == {"", "programme/", "theme/style.css", "theme/logo.png"} | {
        f"sessions/s{n}/" for n in range(4)
    }
    assert result.external == {"https://example.org/"}


def test_root_absolute_url_breaks_under_sub_path(tmp_path: Path) -> None:
    head = '<link rel="stylesheet" href="/theme/style.css">\n'
    site = write_site(tmp_path / "site", {**valid_files(), "index.html": page("A", head=head)})
    with serve_under(site) as url:
        result = crawl(url)
    assert [(u.replace(url, "/repo/"), s) for u, s, _ in result.broken] == [
        (url.replace("/repo/", "/theme/style.css"), 404)
    ]
    kinds = {p.kind for p in check_site(site, base_path="/repo/", validate_html=False).problems}
    assert kinds == {"outside-base"}


def test_pelican_site_with_absolute_siteurl_works_under_sub_path(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with serve_under(out) as url:
        siteurl = url.rstrip("/")
        build(write_project(tmp_path / "proj", siteurl=siteurl, relative=False), out)
        result = crawl(url)
        report = check_site(out, site_url=siteurl, validate_html=False)
    assert result.broken == []
    assert report.ok, report.problems
    assert any(u.endswith("/repo/feeds/all.atom.xml") for u in result.statuses)


def test_pelican_relative_urls_break_feed_links_under_sub_path(tmp_path: Path) -> None:
    """The pitfall publishconf avoids: RELATIVE_URLS with an empty FEED_DOMAIN."""
    out = build(write_project(tmp_path / "proj", siteurl="", relative=True), tmp_path / "out")
    with serve_under(out) as url:
        result = crawl(url)
    assert result.broken and all(s == 404 for _, s, _ in result.broken)
    origin = url.removesuffix("/repo/")
    assert origin + "/feeds/all.atom.xml" in {u for u, _, _ in result.broken}
    report = check_site(out, base_path="/repo/", validate_html=False)
    found = {(p.file.startswith("feeds/"), p.kind) for p in report.problems}
    # Pages link to /feeds/… (outside /repo/); feeds hold relative entry links.
    assert found == {(False, "outside-base"), (True, "outside-base"), (True, "dead-link")}
