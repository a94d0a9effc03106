"""check_site: every kind of problem is found, and a valid site has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventsite.checks import check_site, main, site_verifier
from eventsite.htmlscan import srcset_urls
from tests.publish.sites import page, valid_files, valid_site, write_site

SITE_URL = "https://org.github.io/repo"


def kinds(root: Path, **options: object) -> set[tuple[str, str]]:
    """Return the (file, kind) pairs check_site reports, without the Nu checker."""
    report = check_site(root, validate_html=False, **options)  # type: ignore[arg-type]
    return {(p.file, p.kind) for p in report.problems}


def broken(tmp_path: Path, file: str, html: str) -> Path:
    """Write the valid site with one file replaced."""
    return write_site(tmp_path / "site", {**valid_files(), file: html})


def test_valid_site_has_no_problem_and_lists_external_links(tmp_path: Path) -> None:
    report = check_site(valid_site(tmp_path / "site", pages=5), validate_html=False)
    assert report.ok, report.problems
    assert report.files_checked == 5
    assert report.external_links == {"https://example.org/": ("index.html",)}


@pytest.mark.parametrize(
    ("body", "head", "kind"),
    [
        ('<a href="orateurs/">x</a>', "", "dead-link"),
        ('<a href="programme/#nulle-part">x</a>', "", "dead-anchor"),
        ('<a href="#absent">x</a>', "", "dead-anchor"),
        ('<img src="photo.jpg" alt="x">', "", "missing-asset"),
        ('<img src="theme/logo.png" srcset="theme/logo.png 1x, theme/logo@2x.png 2x" alt="x">',
         "", "missing-asset"),
        ('<picture><source srcset="theme/logo.webp"><img src="theme/logo.png" alt="x"></picture>',
         "", "missing-asset"),
        ("", '<link rel="icon" href="favicon.ico">', "missing-asset"),
        ("", '<script src="theme/app.js"></script>', "missing-asset"),
        ('<video src="v.mp4" poster="theme/logo.png"></video>', "", "missing-asset"),
        ('<img src="theme/logo.png">', "", "img-no-alt"),
        ("", '<script src="https://cdn.example.com/x.js"></script>', "external-resource"),
        ("", '<link rel="stylesheet" href="//fonts.example.com/f.css">', "external-resource"),
        ("", '<link rel="preconnect" href="https://fonts.gstatic.com">', "external-resource"),
        ('<iframe src="https://www.youtube.com/embed/x" title="v"></iframe>', "",
         "external-resource"),
        ('<img src="https://img.example.com/a.png" alt="x">', "", "external-resource"),
        ('<div style="background: url(https://img.example.com/b.png)"></div>', "",
         "external-resource"),
        ('<a href="/programme/">root-absolute outside /repo/</a>', "", "outside-base"),
    ],
)
def test_each_problem_kind_is_found(
    tmp_path: Path, body: str, head: str, kind: str
) -> None:
    site = broken(tmp_path, "index.html", page("Accueil", body=body, head=head))
    assert ("index.html", kind) in kinds(site, base_path="/repo/")


def test_title_and_lang(tmp_path: Path) -> None:
    html = '<!DOCTYPE html><html><head><title>  </title></head><body></body></html>'
    notitle = '<!DOCTYPE html><html lang=""><head></head><body></body></html>'
    site = write_site(tmp_path / "site", {**valid_files(), "a.html": html, "b.html": notitle})
    found = kinds(site)
    assert {("a.html", "no-title"), ("a.html", "no-lang"),
            ("b.html", "no-title"), ("b.html", "no-lang")} <= found
    assert not {k for k in found if k[0] == "index.html"}


def test_missing_home_page(tmp_path: Path) -> None:
    files = valid_files()
    del files["index.html"]
    assert ("index.html", "no-index") in kinds(write_site(tmp_path / "s", files))


def test_css_urls_are_checked(tmp_path: Path) -> None:
    css = "@import 'fonts.css'; body { background: url(../img/none.png); }"
    site = broken(tmp_path, "theme/style.css", css)
    found = check_site(site, validate_html=False).problems
    assert [p.kind for p in found] == ["missing-asset", "missing-asset"]
    assert {p.file for p in found} == {"theme/style.css"}


def test_url_forms_root_absolute_and_site_url_are_internal(tmp_path: Path) -> None:
    body = (
        '<a href="/repo/programme/">root-abs</a> <a href="/repo/programme/index.html#jour-1">a</a>'
        f' <a href="{SITE_URL}/programme/">abs</a> <a href="{SITE_URL}/">home</a>'
        f' <a href="{SITE_URL}">home</a> <a href="/repo">home</a>'
        ' <a href="programme">no slash</a> <a href="mailto:x@example.org">mail</a>'
        ' <a href="https://org.github.io/other-repo/">another project</a>'
    )
    site = broken(tmp_path, "index.html", page("Accueil", body=body))
    report = check_site(site, base_path="/repo/", site_url=SITE_URL, validate_html=False)
    assert report.ok, report.problems
    assert "https://org.github.io/other-repo/" in report.external_links


def test_site_url_links_are_checked_not_listed(tmp_path: Path) -> None:
    body = f'<a href="{SITE_URL}/absent/">x</a> <img src="{SITE_URL}/theme/none.png" alt="x">'
    site = broken(tmp_path, "index.html", page("Accueil", body=body))
    report = check_site(site, site_url=SITE_URL, validate_html=False)
    assert {p.kind for p in report.problems} == {"dead-link", "missing-asset"}
    assert not any(url.startswith(SITE_URL) for url in report.external_links)


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    body = '<a href="x/">1</a><a href="y/">2</a><img src="z.png">'
    site = broken(tmp_path, "index.html", page("Accueil", body=body))
    report = check_site(site, validate_html=False)
    assert len([p for p in report.problems if p.kind == "dead-link"]) == 2
    assert {"img-no-alt", "missing-asset"} <= {p.kind for p in report.problems}


def test_srcset_parsing() -> None:
    assert srcset_urls("a.jpg 1x, b.jpg 2x") == ["a.jpg", "b.jpg"]
    assert srcset_urls("a.jpg 100w,b.jpg 200w") == ["a.jpg", "b.jpg"]
    assert srcset_urls("a.jpg") == ["a.jpg"]


def test_validator_reports_invalid_html_by_file(tmp_path: Path) -> None:
    site = broken(tmp_path, "programme/index.html",
                  page("Programme", depth=1, body='<h2 id="jour-1">J</h2><p><div></p>'))
    report = check_site(site)
    assert {p.file for p in report.problems if p.kind == "invalid-html"} == {
        "programme/index.html"
    }


def test_cli_exit_code_and_grouping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = valid_site(tmp_path / "good")
    assert main([str(good), "--no-html-validation"]) == 0
    bad = broken(tmp_path, "index.html", page("Accueil", body='<a href="nulle/">x</a>'))
    assert main([str(bad), "--base-path", "/repo/", "--no-html-validation"]) == 1
    out = capsys.readouterr().out
    assert "index.html (1)" in out and "[dead-link]" in out
    assert main([str(tmp_path / "absent")]) == 2


ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>S</title>
<link href="{SITE_URL}/" rel="alternate"/><id>{SITE_URL}/</id>
<entry><title>A</title><link href="{SITE_URL}/programme/#jour-1" rel="alternate"/></entry>
<entry><title>B</title><link href="{SITE_URL}/annule/" rel="alternate"/></entry>
</feed>"""
RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>S</title><link>/</link>
<item><title>A</title><link>/programme/#jour-2</link></item></channel></rss>"""


def test_feed_links_are_checked(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        **valid_files(), "feeds/all.atom.xml": ATOM_FEED, "feeds/all.rss.xml": RSS_FEED,
        "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
    })
    report = check_site(site, site_url=SITE_URL, validate_html=False)
    assert {(p.file, p.kind) for p in report.problems} == {
        ("feeds/all.atom.xml", "dead-link"), ("feeds/all.rss.xml", "outside-base"),
    }
    assert [p.kind for p in check_site(site, base_path="/", site_url=SITE_URL,
                                       validate_html=False).problems
            if p.file == "feeds/all.rss.xml"] == ["dead-anchor"]


def test_site_verifier_returns_problems_as_text(tmp_path: Path) -> None:
    verify = site_verifier(base_path="/repo/", validate_html=False)
    assert verify(valid_site(tmp_path / "good")) == []
    bad = broken(tmp_path, "index.html", page("Accueil", body='<a href="/x/">x</a>'))
    assert verify(bad) == [
        "index.html: [outside-base] ligne 14, <a> « /x/ » sort du chemin de base du site (/x/)"
    ]
