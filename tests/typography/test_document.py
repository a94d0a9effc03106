"""The pass over a whole written page: every French text node, by lang attribute, nothing else."""

from bs4 import BeautifulSoup
from typography.htmltext import Typesetter, typeset_document
from typography.rules import NBSP, NNBSP
from typography.typography import lang_matches, typeset_html, typesetter
from typography.settings import read_typography_settings

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>Séance : l'atelier de 14h30 · Wallet: where are we?</title>
  <meta name="description" content="Le 1er atelier : &quot;Données&quot; à 14h30 !">
  <meta property="og:title" content="Séance : 14h30">
  <meta property="og:url" content="https://exemple.fr/a:b?c=d!">
  <meta name="twitter:title" content="Séance : 14h30">
  <link rel="alternate" hreflang="en" href="/en/?q=a ; b" title="Actualités : tout">
  <script type="application/ld+json">{{"name": "Séance : l'atelier", "startDate": "14h30 !"}}</script>
  <style>a:hover {{ color: red ; }}</style>
</head>
<body>
  <header><span class="site" lang="fr">Transformation : levier d'innovation</span></header>
  <main>
    <h2 class="session__title" lang="en">Wallet: where are we? Don't "panic"!</h2>
    <h2>Table ronde : le 1er "débat" d'ouverture !</h2>
    <p>Facilitation : <a href="https://x.fr/a?b=c:d" aria-label="Lien : voir !">Justine</a> !</p>
    <img src="a.jpg" alt="Photo : la salle !"><img src="b.jpg" alt="Photo: the room!" lang="en">
    <p lang="en">Quote: "yes"; <span lang="fr">cité : « Oui »</span>; done!</p>
    <pre>x : y ; z ! « a »</pre><code>f(a) ? b : c</code><kbd>Ctrl : C</kbd>
    <textarea>Note : rien</textarea>
    <select><option>Choix : 1er</option></select>
    <p>Après un vide : ok</p>
  </main>
</body>
</html>
"""


def typeset(page_lang: str) -> BeautifulSoup:
    """Typeset PAGE written in PAGE_LANG and parse it with a real HTML5 parser."""
    return BeautifulSoup(typeset_html(PAGE.format(lang=page_lang), page_lang), "html5lib")


def test_french_page_every_text_node_and_text_attribute() -> None:
    soup = typeset("fr")
    assert soup.title.get_text() == f"Séance{NBSP}: l’atelier de 14{NBSP}h{NBSP}30 · Wallet{NBSP}: where are we{NNBSP}?"
    assert soup.find("meta", attrs={"name": "description"})["content"] == (
        f"Le 1er atelier{NBSP}: «{NBSP}Données{NBSP}» à 14{NBSP}h{NBSP}30{NNBSP}!"
    )
    assert soup.find("meta", property="og:title")["content"] == f"Séance{NBSP}: 14{NBSP}h{NBSP}30"
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == f"Séance{NBSP}: 14{NBSP}h{NBSP}30"
    assert soup.find("link")["title"] == f"Actualités{NBSP}: tout"
    assert soup.select_one(".site").get_text() == f"Transformation{NBSP}: levier d’innovation"
    french = soup.select("h2")[1]
    assert french.get_text() == f"Table ronde{NBSP}: le 1er «{NBSP}débat{NBSP}» d’ouverture{NNBSP}!"
    assert str(french.sup) == "<sup>er</sup>"
    assert soup.select("p")[0].get_text() == f"Facilitation{NBSP}: Justine{NNBSP}!"
    assert soup.a["aria-label"] == f"Lien{NBSP}: voir{NNBSP}!"
    assert soup.img["alt"] == f"Photo{NBSP}: la salle{NNBSP}!"
    assert soup.option.get_text() == f"Choix{NBSP}: 1er" and not soup.option.sup  # no markup in an option
    assert soup.select("p")[-1].get_text() == f"Après un vide{NBSP}: ok"


def test_english_node_on_a_french_page_untouched() -> None:
    soup = typeset("fr")
    assert soup.select_one("h2[lang=en]").get_text() == "Wallet: where are we? Don't \"panic\"!"
    assert soup.find("img", lang="en")["alt"] == "Photo: the room!"
    english = soup.find("p", lang="en")
    assert english.get_text() == f"Quote: \"yes\"; cité{NBSP}: «{NBSP}Oui{NBSP}»; done!"


def test_french_node_on_an_english_page_typeset() -> None:
    soup = typeset("en")
    assert soup.title.get_text() == "Séance : l'atelier de 14h30 · Wallet: where are we?"
    assert soup.select_one(".site").get_text() == f"Transformation{NBSP}: levier d’innovation"
    assert soup.select("h2")[1].get_text() == "Table ronde : le 1er \"débat\" d'ouverture !"
    assert soup.select_one("p[lang=en] span").get_text() == f"cité{NBSP}: «{NBSP}Oui{NBSP}»"


def test_code_data_and_non_text_attributes_byte_for_byte() -> None:
    source = PAGE.format(lang="fr")
    result = typeset_html(source, "fr")
    for kept in (
        '<script type="application/ld+json">{"name": "Séance : l\'atelier", "startDate": "14h30 !"}</script>',
        "<style>a:hover { color: red ; }</style>",
        "<pre>x : y ; z ! « a »</pre><code>f(a) ? b : c</code><kbd>Ctrl : C</kbd>",
        "<textarea>Note : rien</textarea>",
        '<meta property="og:url" content="https://exemple.fr/a:b?c=d!">',
        'href="https://x.fr/a?b=c:d"',
        'href="/en/?q=a ; b"',
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n  <meta charset=\"utf-8\">\n",
    ):
        assert kept in result, kept


def test_untouched_page_is_the_same_string() -> None:
    source = '<!DOCTYPE html><html lang="en"><body><p  class=x>Hi: there!<br/>&amp; &#39;ok&#39;</p></body></html>'
    assert typeset_html(source, "fr") == source


def test_page_is_idempotent() -> None:
    once = typeset_html(PAGE.format(lang="fr"), "fr")
    assert typeset_html(once, "fr") == once


def test_rewritten_attribute_is_quoted_and_escaped() -> None:
    html = typeset_html("<img alt='Nom : \"Oui\" & <b>' src=x>", "fr")
    assert html == f'<img alt="Nom{NBSP}: «{NBSP}Oui{NBSP}» &amp; &lt;b&gt;" src=x>'


def test_quotes_setting_off_keeps_straight_quotes() -> None:
    setter = typesetter(read_typography_settings({"TYPOGRAPHY_QUOTES": False}))
    html = typeset_document("<p>L'atelier : \"Oui\"</p>", setter, "fr")
    assert html == f"<p>L'atelier{NBSP}: \"Oui\"</p>"


def test_no_lang_at_all_uses_the_given_default_and_empty_lang_means_unknown() -> None:
    assert typeset_html("<p>Oui : non</p>", "fr") == f"<p>Oui{NBSP}: non</p>"
    assert typeset_html("<p>Oui : non</p>", "en") == "<p>Oui : non</p>"
    assert typeset_html('<p lang="">Oui : non</p>', "fr") == '<p lang="">Oui : non</p>'


def test_lang_closes_with_its_element_and_void_elements_do_not_nest() -> None:
    html = '<div lang="en"><br><img src=a><p>A: b</p></div><p>C : d</p>'
    assert typeset_html(html, "fr") == f'<div lang="en"><br><img src=a><p>A: b</p></div><p>C{NBSP}: d</p>'


def test_regional_codes_match_their_language() -> None:
    assert lang_matches("fr-CA", ("fr",)) and lang_matches("FR_fr", ("fr",))
    assert not lang_matches("en", ("fr",)) and not lang_matches("", ("fr",))
    setter = Typesetter(wants=lambda lang: lang == "xx", text=lambda text, before: text + "!", markup=lambda t, b: t)
    assert typeset_document('<p>a:</p><p lang="yy">b:</p>', setter, "xx") == '<p>a:!</p><p lang="yy">b:</p>'


def test_an_element_marked_off_is_left_as_written() -> None:
    html = '<section data-typography="off" title="a : b"><p>Titre : "Oui"</p></section><p>Titre : ok</p>'
    assert typeset_html(html, "fr") == (
        f'<section data-typography="off" title="a : b"><p>Titre : "Oui"</p></section><p>Titre{NBSP}: ok</p>'
    )
