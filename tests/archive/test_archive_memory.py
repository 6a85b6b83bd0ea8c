"""The archive as a memory: past weeks as they were, corrected sources, order-free merging, decisions.

Built on real summaries: Al-Jubeir's talks in Rome (2015-W32, a proposed exchange of visits)
and English readouts of 2021 from tests/extract/corpus/en/dev.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.base.errors import InputError
from briefing.read.summaries import read_summary
from briefing.summary.model import parse_summary

HERE = Path(__file__).parent
ROME = HERE / "corpus" / "2015-08-08-233.gold.yaml"
EN_DEV = HERE.parent / "extract" / "corpus" / "en" / "dev"
LATER_2021 = ("wh-7c080320e0ea.gold.yaml", "kremlin-684690666d0d.gold.yaml")  # follow-ups opened in 2021
END_W32 = dt.date(2015, 8, 9)


def rome(status: str | None = None, **changes):
    """Return the real Rome summary, with event fields, the source or the follow-up's status changed."""
    data = read_summary(ROME).model_dump(mode="json", exclude_none=True)
    if status:
        data["follow_ups"][0]["status"] = status
    for key, value in changes.items():
        section, _, field = key.partition("__")
        data[section][field] = value
    return parse_summary(data)


def italian_visit_to_riyadh(date: str = "2015-08-12", *, type: str = "visit", url: str = "https://spa.example/it-visit"):
    """Return the Rome summary re-told as the return visit: Gentiloni the guest in Riyadh on `date`."""
    data = read_summary(ROME).model_dump(mode="json", exclude_none=True)
    data["source"] = {"url": url}
    data["event"].update(type=type, date=date, place={"en": "Riyadh", "ar": "الرياض"})
    data["event"].pop("date_text", None)
    for person in data["participants"]:
        person["side"] = "host" if person["country"] == "SA" else "guest"
    data["follow_ups"] = []
    return parse_summary(data)


def test_a_past_week_shows_its_follow_ups_as_they_were(archive):
    opened = archive.add_summary(rome()).opened
    archive.add_summary(rome("done", event__date="2015-08-12", source__url="https://aleqt.example/closing"))
    for name in LATER_2021:
        archive.add_summary(read_summary(EN_DEV / name))

    [visit] = [f for f in archive.followups() if f.id in opened]
    assert (visit.status.value, visit.closed_on) == ("done", dt.date(2015, 8, 12))
    [then] = archive.followups(as_of=END_W32)  # nothing from 2021, the visit still proposed
    assert (then.id, then.status.value, then.closed_on, then.is_open) == (visit.id, "proposed", None, True)
    assert archive.followups(as_of=dt.date(2015, 8, 6)) == []

    opened_w32, closed_w32 = archive.followup_changes(dt.date(2015, 8, 3), END_W32)
    assert [(f.id, f.status.value) for f in opened_w32] == [(visit.id, "proposed")] and closed_w32 == []
    opened_w33, closed_w33 = archive.followup_changes(dt.date(2015, 8, 10), dt.date(2015, 8, 16))
    assert opened_w33 == [] and [(f.id, f.status.value) for f in closed_w33] == [(visit.id, "done")]
    assert visit.id not in {f.id for f in archive.followups(open_only=True, as_of=dt.date(2015, 8, 16))}
    for start, end in ((dt.date(2015, 8, 3), END_W32), (dt.date(2015, 8, 10), dt.date(2015, 8, 16))):
        assert archive.followups_of_range(start, end) == (  # what a digest lists, read once
            *archive.followup_changes(start, end), archive.followups(open_only=True, as_of=end))


def test_the_digest_of_a_past_week_is_the_same_after_later_additions(cli, archive_url, tmp_path):
    from briefing.read.summaries import summary_yaml

    def add(summary, name):
        path = tmp_path / name
        path.write_text(summary_yaml(summary), encoding="utf-8")
        assert cli("archive", "add", str(path), "--archive", archive_url).returncode == 0

    def digest(folder):
        run = cli("digest", "--week", "2015-W32", "-f", "html", "-o", str(tmp_path / folder), "--archive", archive_url)
        assert run.returncode == 0, run.stderr
        return (tmp_path / folder / "digest-2015-W32.html").read_bytes()

    add(rome(), "rome.yaml")
    before = digest("first")
    add(italian_visit_to_riyadh(), "riyadh.yaml")
    for name in LATER_2021:
        add(read_summary(EN_DEV / name), name)
    after = digest("second")
    assert before == after
    text = after.decode()
    assert "Carrier Strike Group" not in text and "30 billion" not in text  # 2021 follow-ups are not yet open
    assert "More visits between" in text and "to confirm" not in text  # W32's own, with no candidate yet
    now = cli("followups", "--archive", archive_url).stdout.decode()
    assert "1\tproposed, to confirm\tvisit" in now and "\tevent 2? " in now  # today the return visit is a candidate


def test_a_corrected_summary_moves_its_event_and_keeps_its_follow_up(archive):
    first = archive.add_summary(rome())
    corrected = archive.add_summary(rome(event__date="2015-08-06"))
    assert corrected.outcome == "moved" and corrected.moved_from == first.event_id
    [event] = archive.events()
    assert (event.id, event.date, len(event.sources)) == (corrected.event_id, dt.date(2015, 8, 6), 1)
    assert [f.id for f in archive.followups()] == list(first.opened) and corrected.opened == ()
    assert archive.add_summary(rome(event__date="2015-08-06")).outcome == "unchanged"

    from briefing.archive.history import describe_versions

    lines = describe_versions(archive.history(event.id))
    assert [line.split()[3] for line in lines if not line.startswith(" ")] == ["added", "moved"]
    assert "    date: 2015-08-07 -> 2015-08-06" in lines
    assert describe_versions(archive.history(first.event_id)) == lines  # the old id still tells the story


def test_a_corrected_place_updates_the_event_in_place(archive):
    first = archive.add_summary(rome())
    again = archive.add_summary(rome(event__place={"en": "Rome, Italy", "ar": "روما"}))
    assert (again.outcome, again.event_id) == ("updated", first.event_id)
    assert archive.event(first.event_id).summary.event.place.en == "Rome, Italy"


def test_two_adding_orders_give_the_same_event_and_flag_the_conflict(archive_url, tmp_path):
    from briefing.archive.store import open_archive

    talks = rome()
    visit = italian_visit_to_riyadh("2015-08-07", url="https://okaz.example/rome")
    visit = parse_summary({**visit.model_dump(mode="json", exclude_none=True),
                           "event": {**visit.model_dump(mode="json", exclude_none=True)["event"], "place": {"en": "Rome"}}})
    seen = []
    for order in ((talks, visit), (visit, talks)):
        url = archive_url if not seen else f"sqlite:///{tmp_path / 'other.sqlite'}"
        with open_archive(url) as store:
            for summary in order:
                store.add_summary(summary)
            [event] = store.events()
            seen.append((event.type, event.key, event.summary, [s.key for s in event.sources],
                         [(c.field, [v for _, v in c.values]) for c in event.conflicts]))
    assert seen[0] == seen[1]
    assert [field for field, _ in seen[0][4]] == ["type", "hosts", "guests"]
    with open_archive(archive_url) as store:
        [event] = store.events()
        other = event.sources[1]
        picked = store.pick_source(event.id, other.id)
        assert (picked.type.value, picked.summary) == (other.summary.event.type.value, other.summary)
        with pytest.raises(InputError, match="has no source 999"):
            store.pick_source(event.id, 999)


def test_reject_proposes_the_next_candidate_and_never_again(archive):
    [fid] = archive.add_summary(rome()).opened  # visits to be exchanged, no side named: candidates to confirm
    gulf = italian_visit_to_riyadh("2015-09-01", type="meeting", url="https://spa.example/unga")
    gulf = parse_summary({**gulf.model_dump(mode="json", exclude_none=True),
                          "participants": [{**p, "side": "other"} for p in gulf.model_dump(mode="json")["participants"]]})
    meeting = archive.add_summary(gulf).event_id
    real = archive.add_summary(italian_visit_to_riyadh("2015-11-10")).event_id  # added later, ranked first
    [record] = archive.followups(open_only=True)
    assert [c.event_id for c in record.candidates] == [real, meeting] and record.confirm_event == real

    after = archive.reject_candidate(fid, real)
    assert after.confirm_event == meeting and [c.event_id for c in after.candidates] == [meeting]
    archive.add_summary(italian_visit_to_riyadh("2015-12-01", url="https://spa.example/third"))  # tracker runs again
    assert real not in {c.event_id for c in archive.followups()[0].candidates}
    with pytest.raises(InputError, match="not a candidate"):
        archive.reject_candidate(fid, real)

    done = archive.confirm_followup(fid, meeting)
    assert (done.status.value, done.closed_by, done.closed_on, done.manual) == ("done", meeting, dt.date(2015, 9, 1), True)
    assert archive.followups(as_of=dt.date(2015, 8, 31))[0].is_open


def test_followups_confirm_and_reject_commands(cli, archive_url, tmp_path):
    from briefing.read.summaries import summary_yaml

    paths = []
    for name, summary in (("rome", rome()), ("riyadh", italian_visit_to_riyadh())):
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_text(summary_yaml(summary), encoding="utf-8")
    assert cli("archive", "add", *map(str, paths), "--archive", archive_url).returncode == 0
    shown = cli("followups", "show", "1", "--archive", archive_url).stdout.decode()
    assert "EVENT" in shown and "\t2\t2015-08-12\t" in shown
    rejected = cli("followups", "reject", "1", "2", "--archive", archive_url)
    assert rejected.stdout.decode().strip() == "follow-up 1: event 2 rejected, proposed; no other candidate"
    bad = cli("followups", "reject", "1", "2", "--archive", archive_url)
    assert bad.returncode != 0 and b"Traceback" not in bad.stderr and b"not a candidate" in bad.stderr
    confirmed = cli("followups", "confirm", "1", "--by", "2", "--archive", archive_url)
    assert confirmed.stdout.decode().strip() == "follow-up 1 done by event 2 on 2015-08-12 (confirmed)"
    past = cli("followups", "--as-of", "2015-08-09", "--archive", archive_url).stdout.decode()
    assert "\tproposed\t" in past


def test_the_archive_lists_al_jubeir_once_under_both_names(cli, archive_url, tmp_path):
    from briefing.read.summaries import summary_yaml

    cairo = HERE.parent / "extract" / "corpus" / "ar" / "dev" / "2015-07-24-1213.gold.yaml"  # "Adel bin Ahmed Al-Jubeir"
    path = tmp_path / "rome.yaml"
    path.write_text(summary_yaml(rome()), encoding="utf-8")
    assert cli("archive", "add", str(path), str(cairo), "--archive", archive_url).returncode == 0
    out = cli("archive", "people", "--archive", archive_url).stdout.decode().splitlines()
    rows = [line.split("\t") for line in out if "Jubeir" in line]
    assert rows == [["Adel bin Ahmed Al-Jubeir", "SA", "2", "1,2", "Adel Al-Jubeir"]]


def test_a_pack_annex_agrees_with_its_own_notes_and_with_the_archive(archive, make, followup, cli, archive_url, tmp_path):
    from briefing.assemble.collection import assemble_pack, pack_followups
    from briefing.read.summaries import summary_yaml

    origin = make("2026-11-02", url="https://kremlin.example/origin", follow_ups=(followup(),))  # Putin to visit Tajikistan
    visit = make("2026-11-24", type="visit", place="Dushanbe", url="https://kremlin.example/visit",
                 people=(("putin", "RU", "guest"), ("rahmon", "TJ", "host")))
    talks = rome()  # the real Rome talks: their visits follow-up stays open
    assert [f.what.en for f in assemble_pack([origin, visit, talks]).open_followups] == [talks.follow_ups[0].what.en]

    for summary in (origin, visit, talks):
        archive.add_summary(summary)
    known, unknown = archive.followups_reported_by([origin, talks], as_of=dt.date(2026, 11, 30))
    assert unknown == [] and {(f.what.en, f.is_open) for f in known} == {
        (origin.follow_ups[0].what.en, False), (talks.follow_ups[0].what.en, True)}
    annex = assemble_pack([origin, talks], followups=known).open_followups
    assert [f.id for f in annex] == [f.id for f in archive.followups(open_only=True)]
    assert pack_followups([origin]) and pack_followups([origin])[0].is_open  # alone, the file cannot know

    path = tmp_path / "origin.yaml"
    path.write_text(summary_yaml(origin), encoding="utf-8")
    run = cli("pack", str(path), "-o", str(tmp_path / "pack.html"), "--archive", archive_url)
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "pack.html").read_text(encoding="utf-8")
    annexes = html[html.index('id="annexes"'):]
    assert "Official visit to Tajikistan" in html[:html.index('id="annexes"')]  # the note itself still says it
    assert "Official visit to Tajikistan" not in annexes  # but the archive knows it is done


def test_show_flags_conflicts_history_tells_the_move_and_pick_chooses(cli, archive_url, tmp_path):
    from briefing.read.summaries import summary_yaml

    visit = italian_visit_to_riyadh("2015-08-07", url="https://okaz.example/rome")
    visit = parse_summary({**visit.model_dump(mode="json", exclude_none=True),
                           "event": {**visit.model_dump(mode="json", exclude_none=True)["event"], "place": {"en": "Rome"}}})
    paths = []
    for name, summary in (("a", rome()), ("b", visit), ("c", rome(event__date="2015-08-06"))):
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_text(summary_yaml(summary), encoding="utf-8")
    added = cli("archive", "add", str(paths[0]), str(paths[1]), "--archive", archive_url).stdout.decode()
    assert added.splitlines()[1].endswith("another source of event 1")
    shown = cli("archive", "show", "1", "--archive", archive_url).stdout.decode()
    assert shown.startswith("# conflict: type: 'talks' (source 1) · 'visit' (source 2)\n")
    assert "# the event follows source 1 (first by key); choose with `briefing archive pick 1 SOURCE`" in shown
    picked = cli("archive", "pick", "1", "2", "--archive", archive_url).stdout.decode()
    assert picked.strip() == "event 1 follows source 2 (url:okaz.example/rome): visit"
    assert "# the event follows source 2 (picked)" in cli("archive", "show", "1", "--archive", archive_url).stdout.decode()
    moved = cli("archive", "add", str(paths[2]), "--archive", archive_url).stdout.decode()
    assert moved.strip() == f"{paths[2]}: corrected source moved to event 2 (from event 1)"
    history = cli("archive", "history", "1", "--archive", archive_url).stdout.decode()
    assert "    date: 2015-08-07 -> 2015-08-06" in history and history.count(" moved ") == 1
