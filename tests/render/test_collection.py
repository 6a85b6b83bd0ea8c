"""Packs as views and PDFs: the participant index, the outline labels, and the progress a long layout reports."""

from __future__ import annotations

import io

from pypdf import PdfReader

from briefing.assemble.collection import assemble_pack
from briefing.read.summaries import read_summary
from briefing.render.collection import outline_label, pack_view, render_pack_pdf
from briefing.render.options import RenderOptions
from briefing.summary.model import Text
from support import SAMPLES


def _view(options: RenderOptions):
    return pack_view(assemble_pack([read_summary(p) for p in sorted(SAMPLES.glob("*.yaml"))]), options)


def test_index_is_one_line_per_person_with_each_note_once():
    view = _view(RenderOptions())
    names = [line.name.en for line in view.index]
    assert len(names) == len(set(names))
    for line in view.index:
        numbers = [n for n, _ in line.notes]
        assert numbers == sorted(set(numbers)) and all(anchor.startswith(f"event-{n}-") for n, anchor in line.notes)


def test_outline_label_follows_the_languages_and_leaves_out_a_missing_side():
    text = Text(ar="المحتويات", en="Contents")
    assert outline_label(text, ("ar", "en")) == "المحتويات / Contents"
    assert outline_label(text, ("en", "ar")) == "Contents / المحتويات"
    assert outline_label(text, ("en",)) == "Contents"
    assert outline_label(Text(en="Only English"), ("ar", "en")) == "Only English"


def test_pack_pdf_progress_moves_page_by_page_and_ends_full():
    """The bar is told of each page laid out, then of each page drawn; it never runs past its total."""
    bar = {"total": None, "completed": 0}
    history = []

    def advance(*, total=None, completed=None, description=None):  # as commands/_output.py's bar takes them
        if total is None and completed is None:
            bar["completed"] += 1
        else:
            bar["total"] = total if total is not None else bar["total"]
            bar["completed"] = completed if completed is not None else bar["completed"]
        assert bar["total"] is not None and bar["completed"] <= bar["total"], bar
        history.append((bar["completed"], bar["total"], total is None and completed is None))

    pdf = render_pack_pdf(_view(RenderOptions()), RenderOptions(), advance=advance)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    steps = [h for h in history if h[2]]
    assert len(steps) == 2 * pages  # one per page laid out, one per page drawn
    assert history[-1][:2] == (2 * pages, 2 * pages)
    positions = [h[0] for h in history]
    assert positions == sorted(positions)  # it only moves forward
    laid_out = next(i for i, h in enumerate(history) if not h[2] and h[0] == pages)
    assert sum(1 for h in history[:laid_out] if h[2]) == pages  # the layout moved it page by page, before any drawing


def test_the_overview_has_one_row_per_note_in_pack_order_and_only_when_asked():
    pack = assemble_pack([read_summary(p) for p in sorted(SAMPLES.glob("*.yaml"))])
    assert pack_view(pack, RenderOptions()).overview is None
    view = pack_view(pack, RenderOptions(), overview=True)
    assert view.overview is not None and view.overview.table is not None
    rows = view.overview.table.rows
    assert len(rows) == len(view.notes) == len(view.entries)
    assert [row[-1] for row in rows] == [entry.title for entry in view.entries]  # the contents' titles, DRAFT tags and all
    assert [(row[1].en, row[2].en, row[3].en) for row in rows] == [  # type, parties (host and guest), place
        ("Phone call", "United Kingdom — Oman", "—"), ("Visit", "Kuwait — Tajikistan", "Dushanbe"),
        ("Meeting", "Tajikistan — Russia", "Moscow")]
    assert rows[-1][0] == view.labels["phrases"]["undated"]


def test_a_pack_is_marked_as_its_most_restrictive_note_the_configured_default_included():
    """Every page carries the pack's marking, so it may not be lower than any note's (a note without a level takes the default)."""
    summaries = [read_summary(SAMPLES / "summary.yaml"), read_summary(SAMPLES / "phone-call-en.yaml")]  # none, RESTRICTED
    assert pack_view(assemble_pack(summaries), RenderOptions()).classification == "RESTRICTED"
    view = pack_view(assemble_pack(summaries), RenderOptions(classification="CONFIDENTIAL"))
    assert view.classification == "CONFIDENTIAL"
    assert view.marking == Text(ar="سري", en="CONFIDENTIAL")


def test_a_digest_is_marked_as_its_most_restrictive_event():
    from briefing.assemble.collection import assemble_digest
    from briefing.render.collection import digest_view

    secret = read_summary(SAMPLES / "visit-long.yaml").model_copy(update={"classification": "SECRET"})
    day = secret.event.date
    digest = assemble_digest([secret], ((), ()), (), start=day, end=day)
    assert digest_view(digest, RenderOptions(classification="RESTRICTED")).classification == "SECRET"
    empty = assemble_digest([], ((), ()), (), start=day, end=day)
    assert digest_view(empty, RenderOptions(classification="RESTRICTED")).classification == "RESTRICTED"
    assert digest_view(empty, RenderOptions()).marking is None


def _arabic_digit_systems(text: str) -> set[str]:
    """The digit systems written in a text, leaving out left-to-right runs (isolated file names, codes such as CASA-1000)."""
    import re

    bare = re.sub("\u2066[^\u2069]*\u2069|\u2068[^\u2069]*\u2069|[\\w./-]*[A-Za-z][\\w./-]*", "", text)
    return {name for name, pattern in (("western", "[0-9]"), ("arabic-indic", "[٠-٩]")) if re.search(pattern, bare)}


def _arabic_texts(value: object) -> list[str]:
    """Every Arabic side of every Text in a view."""
    import dataclasses

    if isinstance(value, Text):
        return [value.ar] if value.ar else []
    if isinstance(value, tuple):
        return [t for v in value for t in _arabic_texts(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) if f.name != "labels" for t in _arabic_texts(getattr(value, f.name))]
    return []


def test_a_digest_writes_every_arabic_number_in_the_configured_digits():
    """The events' paragraphs («و٣ غيرها», a place's number) follow the setting, like the notes; English keeps 0-9."""
    from briefing.assemble.collection import assemble_digest
    from briefing.render.collection import digest_view
    from briefing.render.options import Typography

    long = read_summary(SAMPLES / "visit-long.yaml")
    long = long.model_copy(update={"event": long.event.model_copy(update={"place": Text(ar="المبنى 7", en="Building 7")})})
    day = long.event.date
    digest = assemble_digest([long], ((), ()), (), start=day, end=day)
    for digits in ("arabic-indic", "western"):
        view = digest_view(digest, RenderOptions(typography=Typography(arabic_digits=digits)))
        events = next(s for s in view.sections if s.key == "events")
        paragraph = events.items[0].ar
        assert "المبنى" in paragraph and "غيرها" in paragraph
        assert _arabic_digit_systems(paragraph) == {digits}
        assert set().union(*map(_arabic_digit_systems, _arabic_texts(view))) == {digits}
        assert _arabic_digit_systems(events.items[0].en) == {"western"}


def test_a_pack_note_follows_the_typography_settings_as_a_note_alone_does():
    from briefing.render.options import Typography, prepare_note

    options = RenderOptions(typography=Typography(arabic_digits="western", date_style="hijri"))
    summaries = [read_summary(p) for p in sorted(SAMPLES.glob("*.yaml"))]
    view = pack_view(assemble_pack(summaries), options)
    alone = {prepare_note(s, options).title.en: prepare_note(s, options) for s in summaries}
    for _, note in view.notes:
        assert note.date_line == alone[note.title.en].date_line
        if note.date is not None:
            assert "الموافق" in note.date_line.ar and _arabic_digit_systems(note.date_line.ar) == {"western"}
    assert set().union(*map(_arabic_digit_systems, _arabic_texts(view))) == {"western"}
