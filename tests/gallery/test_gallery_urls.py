"""Attack: a gallery's License_url (or a photo's Licence_url) is never published as a live link
unless it is an http, https or mailto address; the author is told where and what to do."""

from __future__ import annotations

import logging
from pathlib import Path

from bs4 import BeautifulSoup
from gallery_support import gallery_md

ATTACKS = ("javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>",
           "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)")


def test_unsafe_license_urls_are_not_links(tmp_path: Path, make_photo, build_site, caplog) -> None:
    folder = tmp_path / "content" / "galleries" / "journee"
    make_photo(folder / "a.jpg")
    make_photo(folder / "b.jpg")
    text = gallery_md("La journée", {"a.jpg": "Salle", "b.jpg": "Scène"},
                      header=f"License_url: {ATTACKS[0]}\n")
    text = text.replace("## b.jpg\n", f"## b.jpg\nLicence: CC0\nLicence_url: {ATTACKS[1]}\n")
    (folder / "gallery.md").write_text(text, encoding="utf-8")
    caplog.set_level(logging.WARNING)

    output = build_site()

    page = BeautifulSoup((output / "galeries" / "journee" / "index.html").read_text("utf-8"),
                         "html5lib")
    hrefs = [a.get("href", "") for a in page.find_all("a")]
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))], hrefs
    assert "CC BY 4.0" in page.get_text() and "CC0" in page.get_text()  # the licence text stays
    messages = [r.getMessage() for r in caplog.records if "License_url" in r.getMessage()]
    assert len(messages) == 2, messages
    source = "galleries/journee/gallery.md"  # told relative to content/
    assert any(m.startswith(f"{source}:5 [champ License_url]") and "https://" in m for m in messages)
    assert any(m.startswith(f"{source}:") and "data:text/html" in m for m in messages)


def test_the_one_validator_accepts_http_https_mailto_only() -> None:
    from event.weburl import web_url_error

    for good in ("https://creativecommons.org/licenses/by/4.0/", "http://example.org",
                 "mailto:contact@example.org"):
        assert web_url_error(good) is None, good
    for bad in (*ATTACKS, "ftp://example.org/x", "https://", "//example.org", "https://a b.org",
                "https://example.org/\x00", "mailto:pas-une-adresse", "java\tscript:alert(1)"):
        assert web_url_error(bad), bad
