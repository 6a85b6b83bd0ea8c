"""What the dependency rules promise: a missing extra is one line, a deprecated call of ours fails the tests."""

from __future__ import annotations

import warnings

import pytest

from support import ROOT, run_cli


def _without(tmp_path, module: str) -> dict[str, str]:
    """Return an environment in which `import MODULE` fails, as when its extra is not installed."""
    shadow = tmp_path / "shadow" / module
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(f'raise ImportError("No module named {module!r}")\n', encoding="utf-8")
    return {"PYTHONPATH": str(shadow.parent)}


def test_an_html_release_without_the_html_extra_is_one_line(tmp_path):
    result = run_cli("extract", str(ROOT / "tests" / "extract" / "page-ar.html"), "-o", "-", env=_without(tmp_path, "trafilatura"))
    assert result.returncode != 0 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        "briefing: Not installed: reading an HTML page needs trafilatura (pip install 'briefing[html]')"]


def test_a_postgresql_archive_without_the_driver_is_one_line(tmp_path):
    result = run_cli("archive", "list", "--archive", "postgresql://u@127.0.0.1:9/db", env=_without(tmp_path, "psycopg"))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "briefing: Not installed: an archive on PostgreSQL needs psycopg (pip install 'briefing[postgresql]')"]


def test_a_text_release_and_a_sqlite_archive_need_no_extra(tmp_path):
    env = _without(tmp_path, "trafilatura") | {"PYTHONPATH": f"{_without(tmp_path / 'b', 'psycopg')['PYTHONPATH']}:{tmp_path / 'shadow'}"}
    assert run_cli("extract", str(ROOT / "samples" / "release-ar.txt"), "-o", "-", env=env).returncode == 0
    assert run_cli("archive", "add", str(ROOT / "samples" / "summary.yaml"), "--archive", str(tmp_path / "a.sqlite"),
                   env=env).returncode == 0


@pytest.mark.parametrize("category", [DeprecationWarning, PendingDeprecationWarning, FutureWarning])
def test_a_deprecated_call_in_our_code_fails_the_tests(category):
    with pytest.raises(category):
        warnings.warn_explicit("old API", category, "briefing/render/collection.py", 1, module="briefing.render.collection")
    warnings.warn_explicit("old API", DeprecationWarning, "x.py", 1, module="somelib.internal")  # a library's own: ignored
