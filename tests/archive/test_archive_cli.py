"""`briefing archive` and `briefing followups` as a user runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.archive.location import default_archive_path, resolve_archive, to_url
from support import SAMPLES, SEED_RELEASE

TRACEBACK = b"Traceback"


def write(path: Path, summary) -> Path:
    from briefing.read.summaries import summary_yaml

    path.write_text(summary_yaml(summary), encoding="utf-8")
    return path


def lines(result) -> list[list[str]]:
    return [line.split("\t") for line in result.stdout.decode().splitlines()]


def test_add_list_show_remove(cli, archive_url, samples):
    files = [str(p) for p in samples]  # phone call 2026-11-18, undated seed, visit 2026-11-24
    added = cli("archive", "add", *files, "--archive", archive_url)
    assert added.returncode == 0, added.stderr
    assert added.stderr == b""  # no progress bar when stderr is not a terminal
    assert [line.split(": ", 1)[1].split("; ")[0] for line in added.stdout.decode().splitlines()] == [
        "new event 1", "new event 2", "new event 3"]
    listed = lines(cli("archive", "list", "--archive", archive_url))
    assert listed[0] == ["ID", "DATE", "TYPE", "COUNTRIES", "PLACE", "SOURCES", "TITLE"]
    assert [row[1] for row in listed[1:]] == ["2026-11-18", "2026-11-24", "undated"]
    shown = cli("archive", "show", "2", "--archive", archive_url)
    assert shown.returncode == 0 and "format: 1" in shown.stdout.decode()
    assert cli("archive", "remove", "2", "--archive", archive_url).stdout == b"removed event 2 (1 source)\n"
    assert len(lines(cli("archive", "list", "--archive", archive_url))) == 3


def test_a_second_source_joins_the_event(cli, archive_url, make, tmp_path):
    a = write(tmp_path / "a.yaml", make(url="https://a.example/1"))
    b = write(tmp_path / "b.yaml", make(url="https://b.example/9", place="Moscow, Russia"))
    out = cli("archive", "add", str(a), str(b), "--archive", archive_url).stdout.decode()
    assert out.splitlines()[1].endswith("another source of event 1")
    shown = cli("archive", "show", "1", "--archive", archive_url).stdout.decode()
    assert shown.count("format: 1") == 2 and "source 2 of 2: url:b.example/9" in shown


def test_followups_list_and_close_by_hand(cli, archive_url, make, followup, tmp_path):
    origin = write(tmp_path / "o.yaml", make("2026-11-02", url="u1", follow_ups=(followup(),)))
    other = write(tmp_path / "x.yaml", make("2026-11-24", url="u2", place="Sochi"))
    out = cli("archive", "add", str(origin), str(other), "--archive", archive_url).stdout.decode()
    assert "follow-up 1 opened" in out
    rows = lines(cli("followups", "--open", "--country", "TJ", "--archive", archive_url))
    assert rows[1][:5] == ["1", "accepted", "visit", "Putin (RU)", "TJ"]
    assert len(lines(cli("followups", "--to-confirm", "--archive", archive_url))) == 1
    closed = cli("followups", "close", "1", "--by", "2", "--archive", archive_url)
    assert closed.stdout == b"follow-up 1 done by event 2 on 2026-11-24\n"
    assert len(lines(cli("followups", "--open", "--archive", archive_url))) == 1
    assert lines(cli("followups", "--archive", archive_url))[1][1] == "done (by hand)"


def test_unknown_ids_are_one_line_and_exit_2(cli, archive_url, make, tmp_path):
    cli("archive", "add", str(write(tmp_path / "a.yaml", make(url="u1"))), "--archive", archive_url)
    for args in (("archive", "show", "9"), ("archive", "remove", "9"), ("followups", "close", "9")):
        result = cli(*args, "--archive", archive_url)
        assert result.returncode == 2 and TRACEBACK not in result.stderr
        assert result.stderr.decode().count("\n") == 1


def test_one_bad_summary_does_not_stop_the_others(cli, archive_url, make, tmp_path):
    good = write(tmp_path / "good.yaml", make(url="u1"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nlanguage: fr\n", encoding="utf-8")
    result = cli("archive", "add", str(bad), str(good), "--archive", archive_url)
    assert result.returncode == 2 and b"bad.yaml" in result.stderr and TRACEBACK not in result.stderr
    assert len(lines(cli("archive", "list", "--archive", archive_url))) == 2


def test_an_unreachable_archive_is_exit_1_with_a_clear_line(cli):
    result = cli("archive", "list", "--archive", "postgresql://briefing:pw@127.0.0.1:9/none")
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    message = result.stderr.decode()
    assert message.startswith("briefing: Archive error: cannot open the archive at postgresql+psycopg://briefing:***@")
    assert "pw" not in message


def test_a_missing_archive_file_is_not_created_by_list(cli, tmp_path):
    result = cli("archive", "list", "--archive", str(tmp_path / "none.sqlite"))
    assert result.returncode == 1 and b"no archive here yet" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_default_archive_lives_in_xdg_data_home(cli, make, tmp_path):
    summary = write(tmp_path / "a.yaml", make(url="u1"))
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "BRIEFING_ARCHIVE": ""}
    assert cli("archive", "add", str(summary), env=env, cwd=tmp_path).returncode == 0
    assert (tmp_path / "data" / "briefing" / "archive.sqlite").is_file()


def test_config_archive_is_relative_to_the_config_and_the_env_var_wins(cli, make, tmp_path):
    (tmp_path / "briefing.toml").write_text('archive = "team.sqlite"\n', encoding="utf-8")
    summary = str(write(tmp_path / "a.yaml", make(url="u1")))
    assert cli("archive", "add", summary, "--config", str(tmp_path / "briefing.toml"), env={"BRIEFING_ARCHIVE": ""}).returncode == 0
    assert (tmp_path / "team.sqlite").is_file()
    env = {"BRIEFING_ARCHIVE": str(tmp_path / "env.sqlite")}
    assert cli("archive", "add", summary, "--config", str(tmp_path / "briefing.toml"), env=env).returncode == 0
    assert (tmp_path / "env.sqlite").is_file()


def test_location_precedence_and_urls(tmp_path):
    env = {"HOME": "/home/u", "BRIEFING_ARCHIVE": "/env.sqlite"}
    assert resolve_archive("/opt.sqlite", "/cfg.sqlite", env) == "sqlite:////opt.sqlite"
    assert resolve_archive(None, "/cfg.sqlite", env) == "sqlite:////env.sqlite"
    assert resolve_archive(None, "/cfg.sqlite", {"HOME": "/home/u"}) == "sqlite:////cfg.sqlite"
    assert default_archive_path({"HOME": "/home/u"}) == Path("/home/u/.local/share/briefing/archive.sqlite")
    assert default_archive_path({"HOME": "/home/u", "XDG_DATA_HOME": "/x"}) == Path("/x/briefing/archive.sqlite")
    assert to_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert to_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_help_documents_every_option(cli):
    for args, options in ((("archive", "add"), ("--archive", "--config")),
                          (("archive", "list"), ("--since", "--until", "--country", "--participant")),
                          (("followups",), ("--open", "--to-confirm", "--country", "--since")),
                          (("followups", "close"), ("--by", "--on", "--declined"))):
        text = cli(*args, "--help").stdout.decode()
        for option in options:
            assert option in text


def _extraction_ready() -> str | None:
    try:
        from briefing.extract import extract_summary  # noqa: F401
        from briefing.read.sources import read_release  # noqa: F401
        from briefing.terms import load_terms

        load_terms(())
    except (ImportError, OSError) as exc:
        return f"release extraction has not landed yet ({exc})"
    return None


def test_a_release_is_extracted_on_the_way_in(cli, archive_url):
    reason = _extraction_ready()
    if reason:
        pytest.skip(reason)
    result = cli("archive", "add", str(SEED_RELEASE), "--archive", archive_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith(f"{SEED_RELEASE}: new event 1; follow-up 1 opened")
    assert b"extracted from a release" in result.stderr


def test_dates_in_options_are_checked(cli, tmp_path):
    result = cli("archive", "list", "--since", "yesterday", "--archive", str(tmp_path / "a.sqlite"))
    assert result.returncode == 2 and b"--since" in result.stderr and TRACEBACK not in result.stderr


def test_two_adds_at_once_neither_fail_nor_duplicate(archive_url, readout_files):
    import subprocess
    import sys

    files = [str(p) for p in readout_files[:20]]
    runs = [subprocess.Popen([sys.executable, "-m", "briefing", "archive", "add", *order, "--archive", archive_url],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for order in (files, files[::-1])]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    from briefing.archive.store import open_archive

    with open_archive(archive_url) as store:
        stored = store.events()
    assert len(stored) == len(files) and all(len(e.sources) == 1 for e in stored)


def test_progress_bar_only_on_a_terminal(tmp_path, readout_files):
    import os
    import pty
    import subprocess
    import sys

    files = [str(p) for p in readout_files[:4]]
    master, slave = pty.openpty()
    run = subprocess.Popen([sys.executable, "-m", "briefing", "archive", "add", *files, "--archive", str(tmp_path / "a.sqlite")],
                           stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    os.close(slave)
    out, _ = run.communicate(timeout=120)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert run.returncode == 0 and out.count(b"new event") == 4
    assert b"Archiving" in seen


def test_a_damaged_record_fails_the_command_with_one_line(cli, archive_url, make, tmp_path):
    from sqlalchemy import create_engine, update

    from briefing.archive.schema import sources

    cli("archive", "add", str(write(tmp_path / "a.yaml", make(url="u1"))), "--archive", archive_url)
    engine = create_engine(archive_url)
    with engine.begin() as conn:
        conn.execute(update(sources).values(summary="not json"))
    engine.dispose()
    result = cli("archive", "list", "--archive", archive_url)
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    assert result.stderr.decode().startswith("briefing: Archive error: source record 1 is not a valid summary")


def test_show_prints_a_summary_that_reads_back(cli, archive_url, tmp_path):
    from briefing.read.summaries import read_summary

    original = SAMPLES / "visit-long.yaml"
    cli("archive", "add", str(original), "--archive", archive_url)
    shown = tmp_path / "shown.yaml"
    shown.write_bytes(cli("archive", "show", "1", "--archive", archive_url).stdout)
    assert read_summary(shown) == read_summary(original)


def test_to_confirm_lists_what_a_person_must_check(cli, archive_url, make, followup, tmp_path):
    origin = write(tmp_path / "o.yaml", make("2026-11-02", url="u1", follow_ups=(followup(),)))
    summit = write(tmp_path / "s.yaml", make("2026-11-24", type="summit", place="Astana", url="u2",
                                             people=(("putin", "RU", "other"), ("rahmon", "TJ", "other"))))
    out = cli("archive", "add", str(origin), str(summit), "--archive", archive_url).stdout.decode()
    assert out.splitlines()[1].endswith("new event 2; follow-up 1 to confirm")
    rows = lines(cli("followups", "--to-confirm", "--archive", archive_url))
    assert rows[1][1] == "accepted, to confirm" and rows[1][8].startswith("event 2? ")


def test_many_inputs_keep_their_order_and_their_error_lines_with_standard_input_among_them(cli, archive_url, make, tmp_path):
    goods = [write(tmp_path / f"g{n}.yaml", make(url=f"u{n}", date=f"2026-11-{10 + n}")) for n in range(6)]
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nlanguage: fr\n", encoding="utf-8")
    names = [goods[0], bad, goods[1], tmp_path / "missing.yaml", goods[2], goods[3], "-", goods[4], bad]
    result = cli("archive", "add", *map(str, names), "--archive", archive_url, stdin=goods[5].read_bytes())
    assert result.returncode == 2
    assert [line.split(": ")[0] for line in result.stdout.decode().splitlines()] == [
        str(goods[0]), str(goods[1]), str(goods[2]), str(goods[3]), "<stdin>", str(goods[4])]
    errors = result.stderr.decode().splitlines()
    assert [line.split(": ")[2].split(":")[0] for line in errors] == [str(bad), str(tmp_path / "missing.yaml"), str(bad)]
    assert errors[0] == errors[2] and errors[0].startswith(f"briefing: Invalid summary: {bad}:2:1: language: 'fr' is not allowed")
    assert len(lines(cli("archive", "list", "--archive", archive_url))) == 7
