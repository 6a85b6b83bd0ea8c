"""The review gate on the command line: `review list|mark`, `validate --strict`, `note --final`."""

from __future__ import annotations

import shutil

from support import MINIMAL_SUMMARY, SEED

UNREVIEWED = SEED.read_text(encoding="utf-8").replace("reviewed: {by: briefing maintainers, on: 2026-12-01}\n", "")
CHECKED_NAME = MINIMAL_SUMMARY.replace("name: أحمد", "name: {ar: أحمد, en: Ahmad}")


def test_mark_writes_who_and_when_and_nothing_else(tmp_path, cli):
    path = tmp_path / "s.yaml"
    path.write_text(UNREVIEWED, encoding="utf-8")
    result = cli("review", "mark", str(path), "--by", "N. Staff", "--on", "2026-12-02")
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert after == UNREVIEWED + "reviewed: {by: N. Staff, on: 2026-12-02}\n"
    assert cli("validate", "--strict", str(path)).returncode == 0


def test_strict_validation_fails_on_an_unreviewed_summary_and_on_open_items(tmp_path, cli):
    draft = tmp_path / "draft.yaml"
    draft.write_text(CHECKED_NAME, encoding="utf-8")
    assert cli("validate", str(draft)).returncode == 0
    result = cli("validate", "--strict", str(draft))
    assert result.returncode == 2
    assert f"Not reviewed: {draft}: no `reviewed` mark" in result.stderr.decode()
    pending = tmp_path / "pending.yaml"
    pending.write_text(MINIMAL_SUMMARY + "reviewed: {by: N. Staff, on: 2026-12-02}\n", encoding="utf-8")
    result = cli("validate", "--strict", str(pending))
    assert result.returncode == 2
    assert "  review: participants[0].name.en: pending translation" in result.stdout.decode()
    assert f"Not reviewed: {pending}: 1 open review item" in result.stderr.decode()


def test_the_list_follows_hand_edits(tmp_path, cli):
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL_SUMMARY + "    origin:\n      name.en: {by: transliterated}\n", encoding="utf-8")
    assert cli("review", "list", str(path)).stdout.decode() == f"{path}: participants[0].name.en: pending translation\n"
    path.write_text(CHECKED_NAME + "    origin:\n      name: {by: transliterated}\n", encoding="utf-8")
    assert cli("review", "list", str(path)).stdout.decode() == f"{path}: participants[0].name: transliterated from the other script\n"


def test_a_final_note_needs_a_reviewed_summary(tmp_path, cli):
    draft = tmp_path / "draft.yaml"
    draft.write_text(CHECKED_NAME, encoding="utf-8")
    result = cli("note", "--final", str(draft), "-o", str(tmp_path / "out"), "--format", "html")
    assert result.returncode == 2
    assert "Not reviewed:" in result.stderr.decode() and "briefing review mark" in result.stderr.decode()
    assert not (tmp_path / "out").exists()
    shutil.copy(SEED, tmp_path / "seed.yaml")
    assert cli("note", "--final", str(tmp_path / "seed.yaml"), "-o", str(tmp_path / "out"), "--format", "html").returncode == 0
