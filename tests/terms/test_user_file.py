"""The user's term files (`--terms FILE`): extending, overriding, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.base.errors import InputError
from briefing.terms import load_terms

HEADER = "# my terms\nkind\tkey\tar\ten\tvariants_ar\tvariants_en\tattrs\n"


def write(tmp_path: Path, body: str, name: str = "terms.tsv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_user_file_adds_a_person(tmp_path: Path) -> None:
    path = write(tmp_path, "person\tyasir_al_rumayyan\tياسر بن عثمان الرميان\tYasir Al-Rumayyan\t"
                           "ياسر الرميان\t\tcountry=SA; office=adviser\n")
    terms = load_terms([path])
    (m,) = terms.match("والمستشار بالديوان الملكي الأستاذ ياسر الرميان", "ar", ["person"])
    assert m.term.en == "Yasir Al-Rumayyan" and m.term.attrs["country"] == "SA"
    assert load_terms().get("person", "yasir_al_rumayyan") is None  # the shipped base is untouched


def test_user_file_overrides_and_appends(tmp_path: Path) -> None:
    path = write(tmp_path, "person\tvladimir_putin\t\tV. V. Putin\t+فلاديمير فلاديميروفيتش\t\tnote=mine\n"
                           "country\tPS\t\tState of Palestine\n")
    terms = load_terms([path])
    putin = terms.get("person", "vladimir_putin")
    assert putin is not None
    assert (putin.ar, putin.en) == ("فلاديمير بوتين", "V. V. Putin")
    assert "بوتين" in putin.variants_ar and "فلاديمير فلاديميروفيتش" in putin.variants_ar
    assert putin.attrs["note"] == "mine" and putin.attrs["country"] == "RU"
    assert terms.get("country", "PS").en == "State of Palestine"  # type: ignore[union-attr]
    assert terms.match("فلاديمير فلاديميروفيتش", "ar", ["person"])[0].term.key == "vladimir_putin"


def test_user_spelling_wins_over_a_shipped_one_written_the_same(tmp_path: Path) -> None:
    path = write(tmp_path, "city\tmy_amman\tعمان\tAmman (Jordan)\t\t\tcountry=JO\n")  # shipped: Oman first
    (m,) = load_terms([path]).match("عمان", "ar", ["city", "country"])
    assert m.term.key == "my_amman" and {t.key for t in m.alternatives} >= {"amman", "OM"}


def test_braces_spell_out_alternatives(tmp_path: Path) -> None:
    path = write(tmp_path, "stance\tmy_cue\tنوه\tnoted\t{نوه,نوها} {ب,إلى}\t\tstance=emphasis\n")
    term = load_terms([path]).get("stance", "my_cue")
    assert term is not None and term.variants_ar == ("نوه ب", "نوه إلى", "نوها ب", "نوها إلى")


@pytest.mark.parametrize(
    ("body", "line", "field", "words"),
    [
        ("person\tx\tس\tS\n" "planet\tmars\tالمريخ\tMars\n", 4, "kind", "unknown kind"),
        ("country\tRussia\tروسيا\tRussia\n", 3, "key", "ISO 3166-1"),
        ("person\tbad key\tس\tS\n", 3, "key", "is not a key"),
        ("person\tx\tس\tS\t\t\tcountry RU\n", 3, "attrs", "name=value"),
        ("person\tx\tس\tS\t{a,b\n", 3, "variants_ar", "braces"),
        ("person\tx\t\t\n", 3, "ar", "Arabic or an English name"),
        ("person\tx\tس\tS\t\t\t\textra\n", 3, None, "at most 7"),
        ("person x س S\n", 3, "kind", "unknown kind"),
    ],
)
def test_bad_user_file_names_file_line_and_field(tmp_path: Path, body: str, line: int, field: str | None,
                                                 words: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(InputError) as info:
        load_terms([path])
    err = info.value
    assert (err.file, err.line, err.field) == (str(path), line, field)
    assert words in str(err)


def test_unreadable_or_non_utf8_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_terms([tmp_path / "missing.tsv"])
    path = tmp_path / "latin1.tsv"
    path.write_bytes(b"person\tx\tS\tS\nperson\ty\t\xe9\tS\n")
    with pytest.raises(InputError) as info:
        load_terms([path])
    assert info.value.line == 2 and "UTF-8" in str(info.value)


def test_user_file_is_built_once_per_version(tmp_path: Path) -> None:
    import os

    path = write(tmp_path, "person\tx_one\tفلان الأول\tFulan One\t\t\tcountry=SA\n")
    first = load_terms([path])
    assert load_terms([path]) is first  # a batch of releases reuses one term base
    path.write_text(HEADER + "person\tx_one\tفلان الأول\tFulan The First\t\t\tcountry=SA\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    edited = load_terms([path])
    assert edited is not first and edited.get("person", "x_one").en == "Fulan The First"
