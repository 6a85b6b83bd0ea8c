"""Adding many summaries at once: the same archive as adding them one by one, stored all or none."""

from __future__ import annotations

import pytest

from briefing.archive import ArchiveError
from briefing.archive.store import open_archive


def _batch(make, followup) -> list:  # noqa: ANN001 - the conftest builders
    """Return summaries that give every outcome: new, merged, updated, moved, unchanged; follow-ups opened, closed, to confirm."""
    origin = make("2026-11-02", url="u1", follow_ups=(followup(), followup("rahmon", kind="call", what="A call")))
    return [
        origin,
        make("2026-11-02", url="u2", place="Moscow, Russia", follow_ups=(followup(),)),  # merged, repeats the visit
        make("2026-11-02", url="u1", title="Talks in Moscow", follow_ups=(followup(),)),  # updated
        make("2026-11-24", type="summit", place="Astana", url="u3",
             people=(("putin", "RU", "other"), ("rahmon", "TJ", "other"))),  # to confirm
        make("2026-11-30", type="visit", place="Dushanbe", url="u4",
             people=(("putin", "RU", "guest"), ("rahmon", "TJ", "host"))),  # closes the visit
        make("2026-11-29", type="visit", place="Dushanbe", url="u4",
             people=(("putin", "RU", "guest"), ("rahmon", "TJ", "host"))),  # moved
        make("2026-11-29", type="visit", place="Dushanbe", url="u4",
             people=(("putin", "RU", "guest"), ("rahmon", "TJ", "host"))),  # unchanged
        make(None, url="u5"),  # undated
    ]


def _tables(url: str) -> dict[str, list[tuple]]:
    """Return every row of the archive's tables, by id (without the time a version was recorded)."""
    from sqlalchemy import create_engine, select

    from briefing.archive.schema import metadata

    engine = create_engine(url)
    with engine.connect() as conn:
        found = {table.name: [tuple(v for k, v in row._mapping.items() if k != "recorded_at")
                              for row in conn.execute(select(table).order_by(table.c.id))]
                 for table in metadata.sorted_tables}
    engine.dispose()
    return found


def test_a_batch_gives_the_archive_that_adding_one_by_one_gives(tmp_path, make, followup):
    one, batch = f"sqlite:///{tmp_path / 'one.sqlite'}", f"sqlite:///{tmp_path / 'batch.sqlite'}"
    with open_archive(one) as store:
        singly = [store.add_summary(summary) for summary in _batch(make, followup)]
    with open_archive(batch) as store:
        together = store.add_summaries(_batch(make, followup))
    assert together == singly
    assert [r.outcome for r in together] == ["new", "merged", "updated", "new", "new", "moved", "unchanged", "new"]
    assert together[3].to_confirm and together[4].closed
    assert _tables(batch) == _tables(one)


def test_a_failure_in_a_batch_leaves_the_archive_as_it_was(archive_url, make):
    from sqlalchemy import create_engine, update

    from briefing.archive.schema import sources

    with open_archive(archive_url) as store:
        store.add_summary(make(url="u1"))
    engine = create_engine(archive_url)
    with engine.begin() as conn:
        conn.execute(update(sources).values(summary="not json"))
    engine.dispose()
    before = _tables(archive_url)
    with open_archive(archive_url) as store, pytest.raises(ArchiveError, match="source record 1 is not a valid summary"):
        store.add_summaries([make("2026-12-01", url="u2"), make(url="u3")])  # the second joins the damaged event
    assert _tables(archive_url) == before


def test_the_command_stores_the_good_inputs_of_a_batch_as_one_by_one(cli, make, tmp_path):
    from briefing.read.summaries import summary_yaml

    files = [tmp_path / f"{n}.yaml" for n in range(3)]
    for path, summary in zip(files, (
            make("2026-11-02", url="u1"), make("2026-11-02", url="u2"), make("2026-11-24", url="u3")), strict=True):
        path.write_text(summary_yaml(summary), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nlanguage: fr\n", encoding="utf-8")
    one, batch = tmp_path / "one.sqlite", tmp_path / "batch.sqlite"
    singly = [cli("archive", "add", str(path), "--archive", str(one)) for path in files]
    together = cli("archive", "add", str(files[0]), str(bad), *map(str, files[1:]), "--archive", str(batch))
    assert together.returncode == 2 and together.stderr.decode().count("\n") == 1 and str(bad) in together.stderr.decode()
    assert together.stdout == b"".join(result.stdout for result in singly)
    assert _tables(f"sqlite:///{batch}") == _tables(f"sqlite:///{one}")


def test_real_readouts_in_one_batch_give_the_archive_of_one_by_one(tmp_path, readouts):
    """Many follow-ups repeated across real readouts, re-added after corrections (moved, updated, unchanged)."""
    import datetime as dt

    from briefing.read.summaries import dump_summary
    from briefing.summary.model import parse_summary

    def moved(summary, days: int):  # noqa: ANN001, ANN202 - a Summary
        data = dump_summary(summary)
        data["event"]["date"] = (summary.event.date + dt.timedelta(days=days)).isoformat()
        return parse_summary(data)

    dated = [s for s in readouts if s.event.date]
    inputs = list(readouts) + [moved(s, 400) for s in dated[:6]] + [moved(s, 400) for s in dated[:3]] + list(readouts[-4:])
    one, batch = f"sqlite:///{tmp_path / 'one.sqlite'}", f"sqlite:///{tmp_path / 'batch.sqlite'}"
    with open_archive(one) as store:
        singly = [store.add_summary(summary) for summary in inputs]
    with open_archive(batch) as store:
        together = store.add_summaries(inputs)
    assert together == singly
    assert {r.outcome for r in together} >= {"new", "moved", "unchanged"}
    assert _tables(batch) == _tables(one)


def test_an_event_read_in_a_batch_is_read_again_when_a_source_joins_or_leaves_it(archive, make):
    """The tracker reads an event once per batch; a source joining (or leaving) it makes the next read see the change."""
    from briefing.archive import tracking
    from briefing.archive.engine import writing
    from briefing.archive.store import _add

    first = archive.add_summary(make("2026-11-20", url="a", people=(("rahmon", "TJ", "other"), ("putin", "RU", "other"))))
    with writing(archive.engine) as conn:
        assert tracking.event_facts(conn, first.event_id).hosts == frozenset()
        joined = _add(conn, make("2026-11-20", url="b"), [])  # the same event, told with Putin as host
        assert joined.event_id == first.event_id
        assert tracking.event_facts(conn, first.event_id).hosts == {"RU"}
        tracking.detach_source(conn, joined.source_id)
        assert tracking.event_facts(conn, first.event_id).hosts == frozenset()
