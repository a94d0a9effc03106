"""Attacks: active or foreign content written by an author is refused by the pre-publish checks
(Markdown body with raw HTML, gallery caption); a page with only legitimate content passes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from eventsite.allowances import Allowances, read_allowances
from eventsite.checks import check_site, main
from tests.hardening.site import build_and_check
from tests.publish.sites import page, valid_files, write_site

NEWS = "Title: {slug}\nDate: 2018-03-05 10:00\n\nUn texte.\n\n{body}\n\nFin.\n"
# One news file per attack of issue 11 ("Active and foreign content passes the publish checks"),
# and the kind of problem the checks must report for it.
ATTACKS = {
    "script-en-ligne": ("<script>alert(document.domain)</script>", "active-script"),
    "script-type-module": ('<script type="module">alert(1)</script>', "active-script"),
    "script-de-contenu": ('<script src="/images/outil.js"></script>', "active-script"),
    "onload": ('<svg onload="alert(1)"><title>x</title></svg>', "active-handler"),
    "onerror": ('<p onerror="alert(1)" onmouseover="alert(2)">Survol</p>', "active-handler"),
    "lien-markdown-javascript": ("[Cliquez](javascript:alert(document.domain))", "active-url"),
    "lien-brut-javascript": ('<a href="javascript:alert(1)">Cliquez</a>', "active-url"),
    "lien-javascript-masque": ('<a href="jav&#x09;ascript:alert(1)">Cliquez</a>', "active-url"),
    "lien-vbscript": ('<a href="vbscript:msgbox(1)">Cliquez</a>', "active-url"),
    "lien-data-html": ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Voir</a>', "active-url"),
    "formaction-javascript": ('<form><button formaction="javascript:alert(1)">Envoyer</button></form>', "active-url"),
    "formulaire-externe": ('<form action="https://collecte.example/envoi" method="post">'
                           '<label>Nom <input name="n"></label><button>Envoyer</button></form>', "foreign-content"),
    "svg-image": ('<svg><image href="https://pistage.example/p.png" width="1" height="1"/></svg>', "foreign-content"),
    "svg-feimage": ('<svg><filter id="f"><feImage xlink:href="https://pistage.example/f.svg"/></filter></svg>',
                    "foreign-content"),
    "svg-use": ('<svg><use href="https://pistage.example/s.svg#i"/></svg>', "foreign-content"),
    "ping": ('<a href="https://example.org/" ping="https://pistage.example/ping">Lien</a>', "foreign-content"),
    "srcdoc": ('<iframe title="x" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "active-srcdoc"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0; url=https://hameconnage.example/">', "foreign-content"),
    "style-attribut": ('<p style="background: url(https://pistage.example/p.png)">Fond</p>', "external-resource"),
    "style-bloc": ("<style>body { background: url('//pistage.example/p.png') }</style>", "external-resource"),
    "iframe-externe": ('<iframe title="Vidéo" src="https://video.example/embed/1"></iframe>', "external-resource"),
}
CAPTION = "<script>alert(document.domain)</script><img src=x alt=x onerror=alert(1)>"
LEGIT = """Title: Légitime
Date: 2018-03-06 10:00

Voir le [programme]({filename}/sessions/ouverture.md), [la page d'accueil](/) et
<a href="https://www.ira-lyon.gouv.fr/" rel="noopener">l'IRA</a>, ou écrivez à
[l'équipe](mailto:equipe@example.org).

<figure><img src="{static}/images/salle.png" alt="La salle" width="8" height="8">
<figcaption>La salle</figcaption></figure>
"""


def png() -> bytes:
    """Return a small clean PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def gallery(caption: str) -> dict[str, str]:
    """Return a gallery.md with one photo and its caption."""
    return {"galleries/journee/gallery.md": (
        "Title: La journée\nCredit: Test\nLicense: CC BY 4.0\n"
        "License_url: https://creativecommons.org/licenses/by/4.0/\n\n"
        f"## a.jpg\nAlt: La salle pleine\nLégende: {caption}\n"
    )}


def photo() -> bytes:
    """Return a small JPEG."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(buffer, "JPEG")
    return buffer.getvalue()


def test_every_attack_is_refused_with_file_and_line(tmp_path: Path) -> None:
    files = {f"news/{slug}.md": NEWS.format(slug=slug, body=body) for slug, (body, _k) in ATTACKS.items()}
    report = build_and_check(tmp_path, {**files, **gallery(CAPTION)},
                             photos={"galleries/journee/a.jpg": photo()})
    by_file: dict[str, set[str]] = {}
    for problem in report.problems:
        by_file.setdefault(problem.file, set()).add(problem.kind)
    for slug, (_body, kind) in ATTACKS.items():
        assert kind in by_file.get(f"actualites/{slug}/index.html", set()), (slug, by_file)
    assert {"active-script", "active-handler"} <= by_file["galeries/journee/index.html"]
    messages = [p.message for p in report.problems if p.file == "actualites/script-en-ligne/index.html"]
    assert any(m.startswith("ligne ") and "script en ligne" in m for m in messages), messages


def test_legitimate_content_passes(tmp_path: Path) -> None:
    report = build_and_check(
        tmp_path, {"news/legitime.md": LEGIT, **gallery("Une *belle* salle, [le lieu](https://example.org/).")},
        photos={"images/salle.png": png(), "galleries/journee/a.jpg": photo()},
    )
    assert report.ok, "\n".join(map(str, report.problems))
    home = (tmp_path / "output" / "index.html").read_text("utf-8")
    assert 'type="application/ld+json"' in home  # JSON-LD is there and accepted
    assert "lightbox.js" in (tmp_path / "output" / "galeries" / "journee" / "index.html").read_text("utf-8")


EMBED = '<iframe title="Vidéo" src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
NOCOOKIE = "https://www.youtube-nocookie.com"


def embed_site(root: Path, extra: str = "") -> Path:
    """A valid hand-written site whose home page embeds a video."""
    return write_site(root, {**valid_files(), "index.html": page("Accueil", body=EMBED + extra)})


def test_an_embed_passes_only_when_its_origin_is_allowed_by_name(tmp_path: Path) -> None:
    site = embed_site(tmp_path / "site")
    refused = check_site(site, validate_html=False).problems
    assert [p.kind for p in refused] == ["external-resource"]
    assert "PUBLISH_ALLOW_EMBEDS" in refused[0].message
    assert check_site(site, validate_html=False, allow=Allowances(embeds=(NOCOOKIE,))).ok
    other = check_site(site, validate_html=False, allow=Allowances(embeds=("https://www.youtube.com",)))
    assert not other.ok
    # An allowed origin never brings its scripts, handlers or srcdoc with it.
    worse = embed_site(tmp_path / "worse", f'<script src="{NOCOOKIE}/iframe_api"></script>'
                       '<iframe title="x" srcdoc="x"></iframe><a href="/" onclick="x()">a</a>')
    kinds = {p.kind for p in check_site(worse, validate_html=False, allow=Allowances(embeds=(NOCOOKIE,))).problems}
    assert kinds == {"external-resource", "active-srcdoc", "active-handler"}


def test_allowed_forms_by_name(tmp_path: Path) -> None:
    form = '<form action="https://www.demarches-simplifiees.fr/commencer/x"><button>Go</button></form>'
    site = write_site(tmp_path / "site", {**valid_files(), "index.html": page("Accueil", body=form)})
    assert [p.kind for p in check_site(site, validate_html=False).problems] == ["foreign-content"]
    allow = Allowances(forms=("https://www.demarches-simplifiees.fr",))
    assert check_site(site, validate_html=False, allow=allow).ok


def test_allowances_are_read_from_the_settings_file_and_validated(tmp_path: Path, capsys) -> None:
    site = embed_site(tmp_path / "site")
    conf = tmp_path / "conf.py"
    conf.write_text(f"PUBLISH_ALLOW_EMBEDS = ({NOCOOKIE + '/'!r},)\n", encoding="utf-8")
    assert main([str(site), "--no-html-validation"]) == 1
    assert main([str(site), "--no-html-validation", "--settings", str(conf)]) == 0
    assert main([str(site), "--no-html-validation", "--allow-embed", NOCOOKIE]) == 0
    for bad in ("http://www.youtube-nocookie.com", "https://www.youtube-nocookie.com/embed/x", "youtube"):
        with pytest.raises(ValueError, match="PUBLISH_ALLOW_EMBEDS"):
            read_allowances({"PUBLISH_ALLOW_EMBEDS": (bad,)})
    conf.write_text("PUBLISH_ALLOW_EMBEDS = ('javascript:alert(1)',)\n", encoding="utf-8")
    capsys.readouterr()
    assert main([str(site), "--no-html-validation", "--settings", str(conf)]) == 2
    assert "n'est pas une origine" in capsys.readouterr().err


def test_an_svg_file_with_a_script_is_refused(tmp_path: Path) -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>'
           '<rect width="1" height="1"/></svg>')
    site = write_site(tmp_path / "site", {**valid_files(), "images/plan.svg": svg,
                                          "theme/icone.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'})
    found = {(p.file, p.kind) for p in check_site(site, validate_html=False).problems}
    assert found == {("images/plan.svg", "active-handler"), ("images/plan.svg", "active-script")}


def test_active_urls_and_the_image_exception() -> None:
    from eventsite.htmlscan import active_scheme

    svg = "data:image/svg+xml,<svg onload='alert(1)'/>"
    assert active_scheme(svg) == "data:image/svg+xml"  # opened as a document, it runs
    assert active_scheme(svg, as_image=True) is None  # drawn as an image, it does not
    assert active_scheme(" \x01JAVA\nSCRIPT:alert(1)") == "javascript:"
    assert active_scheme("data:text/html;base64,PHNjcmlwdD4=") == "data:text/html"
    assert active_scheme("data:image/png;base64,iVBOR") is None
    assert active_scheme("https://example.org/javascript:") is None


def test_css_image_set_to_another_host_is_refused(tmp_path: Path) -> None:
    style = '<p style="background-image: image-set(\'https://pistage.example/a.png\' 1x)">x</p>'
    site = write_site(tmp_path / "site", {**valid_files(), "index.html": page("Accueil", body=style)})
    assert [p.kind for p in check_site(site, validate_html=False).problems] == ["external-resource"]
