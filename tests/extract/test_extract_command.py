"""`briefing extract` as a user runs it: outputs, stdout, options, bad input in a batch."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from briefing.read.summaries import read_summary
from support import READOUTS as DEV
from support import SEED_RELEASE as SEED


def test_writes_one_valid_summary_per_release(cli, tmp_path: Path) -> None:
    releases = [SEED, *sorted(DEV.glob("*.txt"))[:3]]
    result = cli("extract", *map(str, releases), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    written = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert written == sorted(f"{r.stem}.yaml" for r in releases)
    for path in tmp_path.glob("*.yaml"):
        assert read_summary(path).format == 1
    assert not list(tmp_path.glob(".*.tmp"))


def test_stdout_carries_the_yaml_with_source_sentences_as_comments(cli) -> None:
    result = cli("extract", str(SEED), "-o", "-")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "# [14] وفي ختام اللقاء" in text
    data = YAML(typ="safe").load(text)
    assert data["participants"][0]["id"] == "emomali_rahmon"


def test_stdin_release(cli) -> None:
    result = cli("extract", "-", "-o", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0 and "vladimir_putin" in result.stdout.decode()


def test_date_option_resolves_today(cli) -> None:
    result = cli("extract", str(SEED), "-o", "-", "--date", "2021-05-08")
    assert "date: '2021-05-08'" in result.stdout.decode() or "date: 2021-05-08" in result.stdout.decode()


def test_bad_options_are_one_line(cli) -> None:
    for args in (["--date", "yesterday"], ["--lang", "fr"]):
        result = cli("extract", str(SEED), "-o", "-", *args)
        assert result.returncode == 2
        assert len(result.stderr.decode().strip().splitlines()) == 1
        assert "Traceback" not in result.stderr.decode()


def test_one_bad_release_is_reported_and_the_others_are_written(cli, tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (bad / "french.txt").write_text("Le ministre des affaires étrangères a reçu l'ambassadeur d'Égypte hier à Paris.")
    (bad / "nav.html").write_text("<html><body><nav><a href='/'>home</a></nav></body></html>")
    with (bad / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    out = tmp_path / "out"
    inputs = [SEED, *sorted(bad.iterdir()), min(DEV.glob("*.txt"))]
    result = cli("extract", *map(str, inputs), "-o", str(out))
    assert result.returncode == 2
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("briefing: ") and "warning" not in line]
    assert len(errors) == 5, result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert sorted(p.name for p in out.glob("*.yaml")) == sorted([f"{SEED.stem}.yaml", f"{inputs[-1].stem}.yaml"])


def test_extra_terms_file_names_an_unknown_person(cli, tmp_path: Path) -> None:
    terms = tmp_path / "mine.tsv"
    terms.write_text("person\tjose_betancur\tخوسيه بيتانكور\tJosé Betancur\t\t\tcountry=PE\n", encoding="utf-8")
    release = tmp_path / "r.txt"
    release.write_text("لقاء\n\nاستقبل وزير الخارجية عادل الجبير اليوم سفير جمهورية بيرو لدى المملكة خوسيه بيتانكور.",
                       encoding="utf-8")
    result = cli("extract", str(release), "-o", "-", "--terms", str(terms))
    assert result.returncode == 0, result.stderr.decode()
    assert "José Betancur" in result.stdout.decode()


def test_config_terms_setting_is_used(cli, tmp_path: Path) -> None:
    (tmp_path / "mine.tsv").write_text("person\tjose_betancur\tخوسيه بيتانكور\tJosé Betancur\t\t\tcountry=PE\n",
                                       encoding="utf-8")
    (tmp_path / "briefing.toml").write_text('terms = ["mine.tsv"]\n', encoding="utf-8")
    release = tmp_path / "r.txt"
    release.write_text("لقاء\n\nاستقبل وزير الخارجية عادل الجبير اليوم سفير جمهورية بيرو لدى المملكة خوسيه بيتانكور.",
                       encoding="utf-8")
    result = cli("extract", str(release), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "José Betancur" in result.stdout.decode()


def test_existing_summary_is_kept_without_force(tmp_path):
    from support import SAMPLES, run_cli

    out = tmp_path / "out"
    out.mkdir()
    corrected = out / "release-ar.yaml"
    corrected.write_text("# corrected by hand\n", encoding="utf-8")
    result = run_cli("extract", str(SAMPLES / "release-ar.txt"), "-o", str(out))
    assert result.returncode == 2 and b"--force" in result.stderr
    assert corrected.read_text(encoding="utf-8") == "# corrected by hand\n"
    assert run_cli("extract", str(SAMPLES / "release-ar.txt"), "-o", str(out), "--force").returncode == 0
    assert "format: 1" in corrected.read_text(encoding="utf-8")


def test_an_output_named_yaml_is_the_summary_file_of_one_release(cli, tmp_path: Path) -> None:
    """`-o summary.yaml` writes that file (not a folder of that name); for several releases it asks for a folder."""
    target = tmp_path / "out" / "summary.yaml"
    result = cli("extract", str(SEED), "-o", str(target))
    assert result.returncode == 0, result.stderr.decode()
    assert target.is_file() and read_summary(target).participants
    assert sorted(p.name for p in target.parent.iterdir()) == ["summary.yaml"]
    releases = [SEED, *sorted(DEV.glob("*.txt"))[:1]]
    result = cli("extract", *map(str, releases), "-o", str(tmp_path / "two.yaml"))
    assert result.returncode == 2
    assert result.stderr.decode().startswith("briefing: ") and "one file for 2 releases" in result.stderr.decode()
    assert not (tmp_path / "two.yaml").exists()
