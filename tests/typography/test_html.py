"""The rules on rendered Markdown: text only, never code, attributes or URLs."""

from html import unescape

import pytest
from bs4 import BeautifulSoup
from typography.htmltext import tokens

from tests.typography.oracle import reference
from typography.rules import NBSP, NNBSP
from typography.typography import typeset_html


def test_text_is_typeset(render) -> None:
    html = render(
        "# Programme: le 1er jour\n\nBonjour *tout le monde*! « Café » à 9h30."
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text() == f"Programme{NBSP}: le 1er jour"
    assert str(soup.h1.sup) == "<sup>er</sup>"
    assert soup.p.get_text() == (
        f"Bonjour tout le monde{NNBSP}! «{NBSP}Café{NBSP}» à 9{NBSP}h{NBSP}30."
    )


def test_code_span_untouched(render) -> None:
    html = render("Lancez `make: all; go! 9h30 1er` puis `a ? b`.")
    codes = BeautifulSoup(html, "html.parser").find_all("code")
    assert [c.get_text() for c in codes] == ["make: all; go! 9h30 1er", "a ? b"]


def test_code_block_untouched(render) -> None:
    block = "    Note: 10h; ok! « x »\n"
    html = render("Texte :\n\n" + block)
    assert "<pre><code>Note: 10h; ok! « x »\n</code></pre>" in html


def test_link_url_untouched(render) -> None:
    html = render("Voir [le lien](http://a.b/c?d=e:f) et <https://x.fr/?q=1:2>!")
    soup = BeautifulSoup(html, "html.parser")
    links = soup.find_all("a")
    assert [a["href"] for a in links] == ["http://a.b/c?d=e:f", "https://x.fr/?q=1:2"]
    assert links[1].get_text() == "https://x.fr/?q=1:2"


def test_inline_html_attributes_untouched(render) -> None:
    html = render('Un <abbr class="a : b" data-x="c ; d" title="Note : 9h30 ; 1er !">sigle</abbr>!')
    soup = BeautifulSoup(html, "html.parser")
    assert soup.abbr["class"] == ["a", ":", "b"] and soup.abbr["data-x"] == "c ; d"
    # A title is read aloud: it is text, typeset without markup.
    assert soup.abbr["title"] == f"Note{NBSP}: 9{NBSP}h{NBSP}30{NNBSP}; 1er{NNBSP}!"
    assert soup.p.get_text() == f"Un sigle{NNBSP}!"


def test_script_style_kbd_untouched() -> None:
    html = '<kbd>Ctrl : C</kbd><script>a ? b : c;</script><style>a:hover{x:1}</style>'
    assert typeset_html(html) == html


def test_entities_kept(render) -> None:
    html = render("Toi & moi; AT&T &copy 2026")
    assert html == f"<p>Toi &amp; moi{NNBSP}; AT&amp;T &amp;copy 2026</p>"
    # A stretch with an entity is rewritten escaped: the same text, never markup.
    assert typeset_html("<p>a&nbsp;! &lt;b&gt; : &amp;</p>") == f"<p>a{NNBSP}! &lt;b&gt;{NBSP}: &amp;</p>"
    assert typeset_html("<p>&lt;x&gt;</p>") == "<p>&lt;x&gt;</p>"


def test_idempotent(render) -> None:
    once = render("Le 1er! «Oui» à 09:30 `x: y` [l](http://a?b=c:d)")
    assert typeset_html(once) == once


def test_tokens_join_back() -> None:
    html = (
        '<!DOCTYPE html><p class="a>b">x &amp; y<br/><!-- c --></p>'
        "\n<script>1<2</script>"
    )
    assert "".join(raw for *_, raw in tokens(html)) == html


TRICKY = [
    '<!DOCTYPE html><html lang="fr"><head><title>A : b &amp; c</title>'
    '<script type="application/ld+json">{"a": "<b> : </b>"}</script><style>p>a{x:1}</style></head>'
    "<body><!-- a <b> comment --><p class='x' title=\"1 > 0 : oui\" data-x=a>Un<br/>deux<img src=x alt=y>"
    "<svg><path d='M0 0'/></svg></p><textarea>a &lt; c</textarea><?pi x?><P LANG=EN>Hi</P></body></html>",
    "<p>unclosed <b>bold <i>x</p>",
    "<p>a < b and c > d &amp; e &notanentity; f",
]


@pytest.mark.parametrize("html", TRICKY)
def test_tokens_agree_with_html_parser(html: str) -> None:
    cut = list(tokens(html))
    assert "".join(raw for *_, raw in cut) == html
    tags, text = reference(html)
    assert [(kind, tag) for kind, tag, *_ in cut if kind in ("start", "empty", "end")] == [(k, t) for k, t, _ in tags]
    for (kind, tag, attrs, raw), (_, _, expected) in zip((t for t in cut if t[0] in ("start", "empty")), (t for t in tags if t[0] != "end")):
        assert not attrs or attrs == expected, raw
    assert "".join(unescape(raw) for kind, *_, raw in cut if kind == "text") == text
