"""event.sharedparts: the header and footer rendered once per distinct input, and given only what they declare."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from event.navigation import NavItem
from event.sharedparts import SharedParts

PAGE = '{{ shared_part("part.html", nav=nav, home=output_file == "index.html") }}'
PART = ('<a href="{{ SITEURL }}/"{% if home %} aria-current="page"{% endif %}>{{ SITENAME }} ({{ edition.lang }})</a>'
        '{% for item in nav %}<a href="{{ SITEURL }}/{{ item.path }}"{% if item.current %} aria-current="{{ item.current }}"{% endif %}>'
        '{{ item.label }}</a>{% endfor %}[{{ output_file }}]{{ counted() }}')


def environment() -> tuple[Environment, list[int]]:
    """An environment as the event plugin sets one up, with a global that counts the part's renders."""
    renders: list[int] = []
    env = Environment(loader=DictLoader({"page.html": PAGE, "part.html": PART}), autoescape=True)
    env.globals.update(shared_part=SharedParts().part, counted=lambda: renders.append(1) or "")
    return env, renders


def page(env: Environment, output_file: str, siteurl: str = "..", edition: object | None = None) -> str:
    nav = [NavItem("Programme", "programme/", "page" if output_file.startswith("programme/") else None),
           NavItem("Intervenants & co", "intervenants/", None)]
    return env.get_template("page.html").render(output_file=output_file, SITEURL=siteurl, SITENAME="Séminaire",
                                                edition=edition or SimpleNamespace(lang="fr"), nav=nav)


def test_a_part_is_rendered_once_for_the_pages_that_give_it_the_same_inputs() -> None:
    env, renders = environment()
    french = SimpleNamespace(lang="fr")
    first = page(env, "actualites/a/index.html", edition=french)
    assert first == ('<a href="../">Séminaire (fr)</a><a href="../programme/">Programme</a>'
                     '<a href="../intervenants/">Intervenants &amp; co</a>[]')
    assert page(env, "actualites/b/index.html", edition=french) == first
    assert len(renders) == 1


def test_a_part_is_rendered_again_when_an_input_or_a_shared_value_changes() -> None:
    env, renders = environment()
    french, english = SimpleNamespace(lang="fr"), SimpleNamespace(lang="en")
    assert "aria-current" not in page(env, "actualites/a/index.html", edition=french)
    assert 'aria-current="page">Programme' in page(env, "programme/index.html", edition=french)  # the same depth, its menu item current
    assert 'aria-current="page">Séminaire' in page(env, "index.html", siteurl=".", edition=french)  # the home page
    assert '<a href="../../">' in page(env, "actualites/a/index.html", siteurl="../..", edition=french)  # another depth
    assert "(en)" in page(env, "actualites/a/index.html", siteurl="../..", edition=english)  # another edition
    assert len(renders) == 5


def test_a_part_reads_nothing_of_the_page_it_is_not_given() -> None:
    env, _ = environment()
    assert page(env, "actualites/a/index.html").endswith("[]")  # output_file is the page's, not the part's: the same on every page
