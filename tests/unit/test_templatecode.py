"""eventsite.templatecode: a build's Jinja environments compile each template once, and share it only when they would compile it the same way."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest
from jinja2 import DictLoader, Environment, pass_context

from eventsite.templatecode import CompiledTemplates, with_shared_templates

TEMPLATES = {"base.html": "<title>{{ title | shout }}</title>{% block body %}{% endblock %}",
             "page.html": "{% extends 'base.html' %}{% block body %}<p>{{ text }}</p>{% endblock %}"}


def environment(cache: CompiledTemplates, templates: dict[str, str] | None = None, shout: Callable[..., str] | None = None,
                **options: object) -> Environment:
    """An environment as Pelican makes one per generator, with the cache its settings give."""
    env = Environment(loader=DictLoader(dict(templates or TEMPLATES)), bytecode_cache=cache, autoescape=True, **options)
    env.filters["shout"] = shout or (lambda value: str(value).upper())
    return env


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles during the test."""
    names: list[str] = []
    original = Environment.compile

    def counting(self: Environment, source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    return names


def test_the_environments_of_a_build_compile_each_template_once(compiled: list[str]) -> None:
    cache = CompiledTemplates()
    first, second = environment(cache), environment(cache)
    assert first.get_template("page.html").render(title="Accueil", text="Bonjour") == "<title>ACCUEIL</title><p>Bonjour</p>"
    assert second.get_template("page.html").render(title="Programme", text="<b>") == "<title>PROGRAMME</title><p>&lt;b&gt;</p>"
    assert sorted(compiled) == ["base.html", "page.html"]


def test_a_template_is_compiled_again_where_the_environment_would_compile_it_otherwise(compiled: list[str]) -> None:
    cache = CompiledTemplates()
    environment(cache).get_template("page.html").render(title="a", text="b")

    @pass_context
    def shout_in_context(context: object, value: object) -> str:  # Jinja's code passes the context first
        return str(value).upper() + "!"

    assert environment(cache, shout=shout_in_context).get_template("base.html").render(title="a") == "<title>A!</title>"
    unescaped = environment(cache)
    unescaped.autoescape = False
    assert unescaped.get_template("page.html").render(title="a", text="<b>") == "<title>A</title><p><b></p>"
    assert environment(cache, trim_blocks=True).get_template("base.html").render(title="a") == "<title>A</title>"
    assert compiled == ["page.html", "base.html", "base.html", "page.html", "base.html", "base.html"]


def test_a_changed_template_is_compiled_again(compiled: list[str]) -> None:
    cache = CompiledTemplates()
    environment(cache).get_template("base.html")
    changed = environment(cache, {**TEMPLATES, "base.html": "<h1>{{ title | shout }}</h1>"})
    assert changed.get_template("base.html").render(title="neuf") == "<h1>NEUF</h1>"
    assert compiled == ["base.html", "base.html"]


def test_pelicans_caches_pickle_it_empty() -> None:
    cache = CompiledTemplates()
    environment(cache).get_template("page.html")
    copy = pickle.loads(pickle.dumps({"JINJA_ENVIRONMENT": {"bytecode_cache": cache}}))  # as Pelican's generator cache pickles settings
    assert isinstance(copy["JINJA_ENVIRONMENT"]["bytecode_cache"], CompiledTemplates)
    assert copy["JINJA_ENVIRONMENT"]["bytecode_cache"]._code == {}


def test_a_build_s_settings_get_one_unless_they_name_their_own() -> None:
    settings = with_shared_templates({"JINJA_ENVIRONMENT": {"trim_blocks": True}})
    assert settings["JINJA_ENVIRONMENT"]["trim_blocks"] is True
    assert isinstance(settings["JINJA_ENVIRONMENT"]["bytecode_cache"], CompiledTemplates)
    preview = CompiledTemplates()  # the preview's worker keeps one across its builds
    assert with_shared_templates({"JINJA_ENVIRONMENT": {"bytecode_cache": preview}})["JINJA_ENVIRONMENT"]["bytecode_cache"] is preview
