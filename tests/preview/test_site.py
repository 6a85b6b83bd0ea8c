"""The preview's state: last good render, errors in place of the note, versions, folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.preview import Site
from briefing.preview.choices import Choice
from support import SAMPLES, SEED

PARALLEL = Choice("parallel", ("ar", "en"))


def make_site(target: Path) -> Site:
    site = Site(target, cwd=target.parent if target.is_file() else target)
    site.start()
    return site


def test_a_summary_is_rendered_before_any_request(summary_file):
    site = make_site(summary_file)
    shown = site.show("summary.yaml", PARALLEL)
    assert shown.error is None
    assert "Emomali Rahmon" in shown.html and 'dir="rtl"' in shown.html


def test_a_broken_summary_shows_its_one_line_error_then_comes_back(summary_file):
    site = make_site(summary_file)
    good = site.version
    text = summary_file.read_text(encoding="utf-8")
    summary_file.write_text(text.replace("side: guest", "side: visitor"), encoding="utf-8")
    assert site.refresh({summary_file})
    shown = site.show("summary.yaml", PARALLEL)
    assert shown.html is None
    assert shown.error.startswith(f"Invalid summary: {summary_file}:")
    assert "participants[0].side" in shown.error and "\n" not in shown.error
    assert shown.version != good
    summary_file.write_text(text, encoding="utf-8")
    assert site.refresh({summary_file})
    assert site.show("summary.yaml", PARALLEL).html is not None


def test_saving_without_a_change_keeps_the_version(summary_file):
    site = make_site(summary_file)
    before = site.version
    summary_file.write_text(summary_file.read_text(encoding="utf-8"), encoding="utf-8")
    assert not site.refresh({summary_file})
    assert site.version == before


def test_a_new_choice_is_rendered_once_and_kept_fresh(summary_file):
    site = make_site(summary_file)
    stacked = Choice("stacked", ("en",))
    first = site.show("summary.yaml", stacked)
    assert 'class="layout-stacked"' in first.html and 'lang="ar"' not in first.html.split("<body", 1)[1].split("masthead")[0]
    summary_file.write_text(summary_file.read_text(encoding="utf-8").replace("Emomali Rahmon", "Emomali Rahmon Jr"), encoding="utf-8")
    site.refresh({summary_file})
    entry = site.entries()[0][0]
    assert "Emomali Rahmon Jr" in entry.pages[stacked]  # re-rendered by the refresh, not by the request


def test_a_template_override_is_used_and_its_errors_are_shown(summary_file, tmp_path):
    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / "header.html.j2").write_text("<p class=\"custom-header\">OURS</p>\n", encoding="utf-8")
    site = Site(summary_file, cwd=summary_file.parent, template=templates)
    site.start()
    assert "custom-header" in site.show("summary.yaml", PARALLEL).html
    (templates / "header.html.j2").write_text("{% if %}\n", encoding="utf-8")
    assert site.refresh({templates / "header.html.j2"})
    shown = site.show("summary.yaml", PARALLEL)
    assert shown.html is None and shown.error.startswith(f"Render error: {templates / 'header.html.j2'}:1:")


def test_a_folder_lists_summaries_and_releases(tmp_path):
    for name in ("summary.yaml", "visit-long.yaml", "release-ar.txt", "logo.svg"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    (tmp_path / ".hidden.yaml").write_text("x", encoding="utf-8")
    site = make_site(tmp_path)
    names = [e.name for e in site.entries()[0]]
    assert names == ["release-ar.txt", "summary.yaml", "visit-long.yaml"]
    shutil.copy(SEED, tmp_path / "added.yaml")
    assert site.refresh({tmp_path / "added.yaml"})
    assert "added.yaml" in [e.name for e in site.entries()[0]]


def test_what_is_watched(summary_file, tmp_path):
    site = make_site(summary_file)
    watched = site.watched()
    assert watched.matters(summary_file)
    assert watched.matters(summary_file.parent / "briefing.toml")
    assert not watched.matters(summary_file.parent / "other.yaml")
    from briefing.base.resources import data_dir

    assert watched.matters(data_dir("templates") / "note.css")
    assert watched.matters(data_dir("fonts") / "NotoNaskhArabic-Regular.ttf")
    assert summary_file.parent.resolve() in watched.roots()


def test_a_broken_config_is_shown_and_mended(summary_file):
    config = summary_file.parent / "briefing.toml"
    site = make_site(summary_file)
    config.write_text('layout = "sideways"\n', encoding="utf-8")
    assert site.refresh({config})
    shown = site.show("summary.yaml", site.default_choice())
    assert shown.error.startswith("Bad configuration:") and "briefing.toml:1" in shown.error
    config.write_text('layout = "stacked"\n', encoding="utf-8")
    assert site.refresh({config})
    assert site.default_choice().layout == "stacked"
    assert 'class="layout-stacked"' in site.show("summary.yaml", site.default_choice()).html


def test_a_config_that_names_a_template_folder_widens_what_is_watched(summary_file):
    theme = summary_file.parent / "theme"
    theme.mkdir()
    site = make_site(summary_file)
    assert not site.watched().matters(theme / "note.css")
    config = summary_file.parent / "briefing.toml"
    config.write_text('templates = "theme"\n', encoding="utf-8")
    site.refresh({config})
    assert site.watched().matters(theme / "note.css")
    assert theme.resolve() in site.watched().roots()
