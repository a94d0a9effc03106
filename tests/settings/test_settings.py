"""The settings kit: one declaration per setting, one report of every problem, docs/reglages.md, no undeclared read."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pelican
import pytest
from pelican.settings import DEFAULT_CONFIG

import eventsite.__main__ as cli
from eventsite.build import BuildFailed, build_site
from eventsite.settingsdoc import reference
from eventsite.settingskit import SettingsError, all_problems, project_declarations
from tests.conftest import REPO, SETTINGS, site_overrides
from tests.settings.scan import declarations_in, reads_in, template_names, uses, writes_in

PLUGINS = REPO / "plugins"
CODE = ("plugins", "eventsite", "tasks.py", "pelicanconf.py", "publishconf.py")
# One wrong value in five plugins (two in the gallery's), and a misspelt name: all told at once.
WRONG: dict[str, object] = {
    "EVENT_COLORS": {"accent": "rouge"},
    "GALLERY_FORMATS": ("gif",),
    "GALLERY_EAGER_COUNT": -1,
    "LEGAL_A11Y_STATUS": "partially",
    "CARDS_PROCESSES": 0,
    "SEARCH_TIMEOUT": "2 minutes",
    "GALLERY_WIDHTS": (480,),
}
TOLD = ("EVENT_COLORS['accent'] vaut 'rouge'", "GALLERY_FORMATS vaut ('gif',)", "GALLERY_EAGER_COUNT vaut -1",
        "LEGAL_A11Y_STATUS vaut 'partially'", "CARDS_PROCESSES vaut 0", "SEARCH_TIMEOUT vaut '2 minutes'",
        "GALLERY_WIDHTS n'est pas un réglage connu")


def declared_names() -> set[str]:
    """Every setting declared by the project and its plugins."""
    return {name for d in project_declarations(PLUGINS) for name in d.names}


def pelican_names() -> set[str]:
    """Pelican's own settings: its defaults, and every setting its code reads."""
    source = Path(pelican.__file__).parent
    return set(DEFAULT_CONFIG) | {u.name for u in uses(source.parent, ["pelican"], reads_in) if "/tests/" not in u.file}


def test_every_problem_of_every_plugin_is_reported_at_once_in_french(tmp_path, site) -> None:
    with pytest.raises(BuildFailed) as failed:
        build_site(SETTINGS, tmp_path / "output", strict=False, overrides=site_overrides(tmp_path, site(), **WRONG))
    problems = failed.value.problems
    for told in TOLD:
        assert sum(p.startswith(told) for p in problems) == 1, (told, problems)
    assert len(problems) == len(TOLD)
    assert all("écrivez" in p or "vérifiez son nom" in p for p in problems)
    assert any(p.startswith("GALLERY_FORMATS vaut ('gif',) : écrivez une liste de formats parmi") for p in problems)
    assert not (tmp_path / "output").exists()


def test_a_wrong_gallery_value_is_refused_and_resets_no_other_setting() -> None:
    declarations = project_declarations(PLUGINS)
    settings = {"GALLERY_FORMATS": ("gif",), "GALLERY_EAGER_COUNT": 1}
    assert [p.split(" ")[0] for p in all_problems(settings, declarations)] == ["GALLERY_FORMATS"]
    gallery = next(d for d in declarations if d.plugin == "gallery")
    assert gallery.values({"GALLERY_EAGER_COUNT": 1})["GALLERY_EAGER_COUNT"] == 1
    with pytest.raises(TypeError):  # the values handed to a plugin are read-only
        gallery.values({})["GALLERY_EAGER_COUNT"] = 2  # type: ignore[index]


def test_legal_translations_in_event_languages_are_checked_by_the_legal_declaration() -> None:
    languages = {"en": {"EVENT_NAME": "Seminar", "LEGAL_HOST": "Example Host", "LEGAL_A11Y_STATUS": "partially",
                        "LEGAL_HOTS": "x", "EVENT_URLS": {}}}
    problems = all_problems({"EVENT_LANGUAGES": languages}, project_declarations(PLUGINS))
    assert [p.split(" : ")[0] for p in problems] == [
        "EVENT_LANGUAGES['en']['LEGAL_A11Y_STATUS'] vaut 'partially'",
        "EVENT_LANGUAGES['en']['LEGAL_HOTS'] vaut 'x'",
        "EVENT_LANGUAGES['en']['EVENT_URLS'] vaut {}",
    ]
    assert "écrivez l'une des valeurs 'full', 'partial', 'none'" in problems[0]
    assert "réglage inconnu" in problems[1] and "réglage non traduisible" in problems[2]


def test_the_editor_settings_are_checked_at_start_up_even_when_the_editor_is_off() -> None:
    settings = {"EDITOR_GITHUB_REPO": "https://github.com/ira-lyon/seminaire", "EDITOR_AUTH_URL": "http://connexion.example.org",
                "EDITOR_BRANCH": " "}
    problems = all_problems(settings, project_declarations(PLUGINS))
    assert [p.split(" ")[0] for p in problems] == ["EDITOR_GITHUB_REPO", "EDITOR_BRANCH", "EDITOR_AUTH_URL"]
    assert "organisation/depot" in problems[0] and "https://" in problems[2]


def test_the_event_plugin_imports_nothing_of_the_legal_plugin() -> None:
    imported = set()
    for path in (PLUGINS / "event").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
    assert "legal" not in imported and "eventsite" in imported


def test_every_default_passes_its_own_validator() -> None:
    for declarations in project_declarations(PLUGINS):
        defaults = dict(declarations.defaults)
        assert declarations.problems(defaults) == [], declarations.plugin


def wrong_settings_file(tmp_path: Path, content: Path) -> Path:
    """A settings file: the repository's, pointed at CONTENT, with the WRONG values."""
    conf = tmp_path / "wrongconf.py"
    conf.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        from pelicanconf import *
        PATH = {str(content)!r}
        THEME = {str(REPO / "theme")!r}
        PLUGIN_PATHS = [{str(PLUGINS)!r}]
        CACHE_PATH = {str(tmp_path / "cache")!r}
        LOAD_CONTENT_CACHE = False
    """) + "".join(f"{name} = {value!r}\n" for name, value in WRONG.items()), encoding="utf-8")
    return conf


@pytest.mark.parametrize("command", ["check", "build"])
def test_the_command_line_prints_every_settings_problem_in_french_without_a_traceback(tmp_path, site, capsys, command) -> None:
    conf = wrong_settings_file(tmp_path, site())
    extra = ["--output", str(tmp_path / "output")] if command == "build" else []
    assert cli.main([command, "--settings", str(conf), *extra]) == 1
    printed = capsys.readouterr()
    text = printed.out + printed.err
    for told in TOLD:
        assert told in text, (told, text)
    assert "Traceback" not in text and "SettingsError" not in text and "Error:" not in text


def test_docs_reglages_is_what_the_declarations_give() -> None:
    written = (REPO / "docs/reglages.md").read_text(encoding="utf-8")
    assert written == reference(project_declarations(PLUGINS)), "lancez « python -m eventsite settings-doc »"
    for name in declared_names():
        assert f"| `{name}` |" in written


def test_settings_doc_check_fails_on_a_stale_page_and_writes_the_right_one(tmp_path, monkeypatch, capsys) -> None:
    stale = tmp_path / "reglages.md"
    stale.write_text((REPO / "docs/reglages.md").read_text(encoding="utf-8").replace("GALLERY_EAGER_COUNT", "X"), encoding="utf-8")
    monkeypatch.setattr(cli, "REFERENCE", stale)
    assert cli.main(["settings-doc", "--check"]) == 1
    assert "n'est pas à jour" in capsys.readouterr().err
    assert cli.main(["settings-doc"]) == 0
    assert cli.main(["settings-doc", "--check"]) == 0
    assert stale.read_text(encoding="utf-8") == (REPO / "docs/reglages.md").read_text(encoding="utf-8")


def undeclared(found: list, known: set[str]) -> list:
    """The uses of FOUND whose name is neither declared nor Pelican's."""
    return [u for u in found if u.name not in known]


def test_no_code_reads_a_setting_that_is_not_declared() -> None:
    known = declared_names() | pelican_names()
    found = undeclared(uses(REPO, CODE, reads_in), known) + undeclared(template_names(REPO / "theme"), known)
    assert found == []


def test_the_read_check_can_fail() -> None:
    tree = ast.parse('x = settings.get("GALLERY_WIDHTS")\ny = setting(context, "SEO_COUNTRI")\nz = self.settings["EVENT_NAM"]\n'
                     'w = os.environ.get("GALLERY_ENV")\n')
    assert sorted(name for _line, name in reads_in(tree)) == ["EVENT_NAM", "GALLERY_WIDHTS", "SEO_COUNTRI"]
    assert undeclared(uses(REPO, ["plugins"], reads_in), set()) != []


def test_every_setting_defined_is_declared_and_read_somewhere() -> None:
    settings_modules = [p.relative_to(REPO).as_posix() for p in sorted(PLUGINS.glob("*/settings.py"))]
    defined = {u.name for u in uses(REPO, [*settings_modules, "eventsite/allowances.py"], declarations_in)}
    read = {u.name for u in uses(REPO, CODE, reads_in)} | {u.name for u in template_names(REPO / "theme")}
    assert defined == declared_names()
    assert sorted(defined - read) == []  # a setting nothing reads is dead: remove it (AGENDA_COUNTRY was)


def test_no_plugin_writes_into_pelican_settings() -> None:
    found = uses(REPO, ["plugins"], writes_in)
    assert found == []


def test_the_write_check_can_fail() -> None:
    tree = ast.parse('pelican.settings["X_Y"] = 1\nself.settings.setdefault(name, 2)\nsettings.update(a=1)\nlocal["A_B"] = 3\n')
    assert sorted(line for line, _name in writes_in(tree)) == [1, 2, 3]


def test_a_settings_error_lists_every_problem() -> None:
    error = SettingsError(["A_B vaut 1 : écrivez 2", "C_D vaut 3 : écrivez 4"])
    assert error.problems == ("A_B vaut 1 : écrivez 2", "C_D vaut 3 : écrivez 4")
    assert str(error).splitlines()[1:] == ["  - A_B vaut 1 : écrivez 2", "  - C_D vaut 3 : écrivez 4"]
