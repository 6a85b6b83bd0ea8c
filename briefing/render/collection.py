"""Packs and digests: their language-neutral views, and their HTML and PDF renderings.

A pack's PDF is one WeasyPrint document, as its HTML is: tagged (and PDF/A or PDF/UA when
asked), with one font subset per face, an outline of every part labelled in the pack's
languages, and page numbers in the contents and the participant index from CSS
`target-counter()`, so they are the pages the parts land on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..assemble.collection import Digest, Pack, PackEvent, most_restrictive
from ..summary.fulfilment import FollowUpRecord
from ..summary.model import Text
from ..summary.review import is_draft
from .contacts import overview_section, party_section, with_contacts
from .formatting import country_name, date_text, format_gregorian
from .options import RenderOptions, creation_time, prepare_note
from .paragraphs import digest_paragraph
from .templates import load_labels
from .view import DASH, Labels, NoteView, Section, Table, as_draft, classification_marking, localise_number, localise_view

PACK_TEMPLATE = "pack.html.j2"
DIGEST_TEMPLATE = "digest.html.j2"


@dataclass(frozen=True)
class Entry:
    """One line of a pack's contents."""

    number: int
    anchor: str
    title: Text
    date: Text


@dataclass(frozen=True)
class IndexLine:
    """One person in a pack's participant index: name, country, and the notes they appear in."""

    name: Text
    country: Text | None
    notes: tuple[tuple[int, str], ...]  # (note number, anchor), in pack order


@dataclass(frozen=True)
class CollectionView:
    """What a pack or a digest shows, in both languages, in reading order."""

    kind: Text
    title: Text
    period: Text
    classification: str | None
    organisation: Text | None
    facts: tuple[tuple[Text, Text], ...]
    date: dt.date | None  # the document's date (its last event), for metadata
    entries: tuple[Entry, ...] = ()  # pack contents
    notes: tuple[tuple[str, NoteView], ...] = ()  # (anchor, note) of a pack
    sections: tuple[Section, ...] = ()  # the pack's annexes after the index, or the digest's body
    overview: Section | None = None  # the pack's table of its events, after the contents (pack_view's `overview`)
    index: tuple[IndexLine, ...] = ()  # the pack's participant index (Annex A)
    message: Text | None = None  # what an empty digest says
    drafts: Text | None = None  # how many notes or events are from unreviewed summaries (None when none is)
    labels: Labels = field(default_factory=dict, repr=False, compare=False)

    @property
    def marking(self) -> Text | None:
        """The classification in both languages («مقيد / RESTRICTED»), from the labels' `classifications`, as a note's."""
        return classification_marking(self.classification, self.labels)

    def label(self, group: str, key: str) -> Text:
        """Return a fixed wording from the labels."""
        return self.labels[group][key]


# -- views (pure) ------------------------------------------------------------------

def pack_view(pack: Pack, options: RenderOptions, labels: Labels | None = None, *, overview: bool = False) -> CollectionView:
    """Build the view of a pack: cover, contents (and with `overview`, a table of its events), notes and annexes."""
    labels = labels if labels is not None else load_labels(options.template_path())
    notes = tuple((e.anchor, _note_view(e, options, labels)) for e in pack.events)
    entries = tuple(Entry(e.number, e.anchor, as_draft(view.title) if view.draft else view.title, _short_date(e.date, labels))
                    for e, (_, view) in zip(pack.events, notes))
    p = labels["pack"]
    facts = [(p["period"], period_text(pack.start, pack.end, labels)), (p["events"], _number(len(pack.events)))]
    if pack.undated:
        facts.append((p["undated"], _number(pack.undated)))
    sections = (_followups_section(pack.open_followups, labels, p["open_followups"], "open"),)
    view = CollectionView(
        kind=p["kind"], title=_both_sides(pack.title), period=period_text(pack.start, pack.end, labels),
        classification=most_restrictive(view.classification for _, view in notes), organisation=options.organisation,
        facts=tuple(facts), date=pack.end, entries=entries, notes=notes, sections=sections, index=index_lines(pack),
        overview=overview_section([(e.summary, view.title, view.draft) for e, (_, view) in zip(pack.events, notes)], labels)
        if overview else None,
        drafts=drafts_text(sum(view.draft for _, view in notes), len(notes), p["drafts"]), labels=labels)
    return localise_view(view, options.typography.arabic_digits)  # type: ignore[return-value]


def _note_view(event: PackEvent, options: RenderOptions, labels: Labels) -> NoteView:
    """Build one note of a pack, with its earlier contacts when the pack has them."""
    view = prepare_note(event.summary, options, labels)
    if event.contacts is None:
        return view
    return with_contacts(view, event.contacts.events, event.contacts.followups)


def _both_sides(title: Text) -> Text:
    """A title given in one language is the pack's name: shown as given on both sides, not as a pending translation."""
    return Text(ar=title.ar or title.en, en=title.en or title.ar)


def digest_view(digest: Digest, options: RenderOptions, labels: Labels | None = None) -> CollectionView:
    """Build the view of a digest: counts, the events' paragraphs, follow-ups opened, closed and open."""
    labels = labels if labels is not None else load_labels(options.template_path())
    d = labels["digest"]
    period = period_text(digest.start, digest.end, labels)
    facts = [(labels["pack"]["period"], period)]
    if digest.week:
        year, number = digest.week.split("-W")
        facts.insert(0, (d["week"], Text(ar=f"{localise_number(int(number), 'ar')} {d['of_year'].ar} {localise_number(int(year), 'ar')}",
                                         en=digest.week)))
    facts.append((d["total"], _number(digest.total)))
    sections: list[Section] = []
    if not digest.is_empty:
        f = labels["fields"]
        sections.append(_count_section("by_type", d["by_type"], f["type"], [(labels["event_types"][c.key], c.count) for c in digest.counts_by_type], labels))
        sections.append(_count_section("by_country", d["by_country"], f["country"],
                                       [(country_name(c.key) or Text(en=c.key), c.count) for c in digest.counts_by_country], labels))
        items = tuple(_draft_if(is_draft(e.summary), _event_paragraph(e.date, digest_paragraph(e.summary, labels), e.sources, labels))
                      for e in digest.events)
        sections.append(Section("events", d["events"], items=items))
    sections.append(_followups_section(digest.opened, labels, d["opened"], "opened"))
    sections.append(_followups_section(digest.closed, labels, d["closed"], "closed"))
    sections.append(_followups_section(digest.open_followups, labels, d["still_open"], "open"))
    sections.extend(party_section(c.countries, c.events, labels) for c in digest.contacts)
    kind = d["kind"] if digest.week else d["kind_range"]
    view = CollectionView(
        kind=kind, title=kind, period=period, organisation=options.organisation, facts=tuple(facts),
        classification=most_restrictive([options.classification, *(e.summary.classification for e in digest.events)]),
        date=digest.end, sections=tuple(sections), message=d["no_events"] if digest.is_empty else None,
        drafts=drafts_text(sum(is_draft(e.summary) for e in digest.events), digest.total, d["drafts"]), labels=labels)
    return localise_view(view, options.typography.arabic_digits)  # type: ignore[return-value]


def period_text(start: dt.date | None, end: dt.date | None, labels: Labels) -> Text:
    """Return `18 November 2026 – 24 November 2026` in both languages (one date when they are equal)."""
    if start is None or end is None:
        return labels["phrases"]["undated"]
    if start == end:
        return Text(ar=format_gregorian(start, "ar"), en=format_gregorian(start, "en"))
    return Text(ar=f"{format_gregorian(start, 'ar')} – {format_gregorian(end, 'ar')}",
                en=f"{format_gregorian(start, 'en')} – {format_gregorian(end, 'en')}")


def drafts_text(drafts: int, total: int, wording: Text) -> Text | None:
    """Say how many of `total` notes or events are drafts (`wording` has `{n}` and `{total}`); None when none is."""
    if not drafts:
        return None
    return Text(**{lang: (wording.get(lang) or "").format(n=localise_number(drafts, lang), total=localise_number(total, lang))
                   for lang in ("ar", "en")})


def _draft_if(draft: bool, text: Text) -> Text:
    """Return a line of a digest, tagged DRAFT when its summary is unreviewed."""
    return as_draft(text) if draft else text


def _number(n: int) -> Text:
    return Text(ar=localise_number(n, "ar"), en=str(n))


def _short_date(date: dt.date | None, labels: Labels) -> Text:
    if date is None:
        return labels["phrases"]["undated"]
    return Text(ar=format_gregorian(date, "ar"), en=format_gregorian(date, "en"))


def index_lines(pack: Pack) -> tuple[IndexLine, ...]:
    """Annex A: one line per participant, with the notes (and, in the PDF, the pages) they appear in."""
    lines = []
    for person in pack.participants:
        notes = tuple(dict.fromkeys((m.number, m.anchor) for m in person.meetings))
        lines.append(IndexLine(person.name, country_name(person.country), notes))
    return tuple(lines)


def _followups_section(records: Sequence[FollowUpRecord], labels: Labels, heading: Text, key: str) -> Section:
    """A table of follow-ups; `closed` shows when and by which event, the others since when and the due date."""
    f, d = labels["fields"], labels["digest"]
    if not records:
        return Section(f"followups-{key}", heading)  # drawn with the heading and "None"
    rows: list[tuple[Text, ...]] = []
    for r in records:
        kind = labels["follow_up_kinds"][r.kind.value]
        what = Text(ar=f"{kind.ar}: {r.what.ar}" if r.what.ar else None, en=f"{kind.en}: {r.what.en}" if r.what.en else None)
        who = r.who_name or country_name(r.who_country) or (labels["phrases"]["both_sides"] if r.who == "both" else DASH)
        status = labels["statuses"][r.status.value]
        if r.to_confirm:
            status = Text(ar=f"{status.ar} ({d['to_confirm'].ar})", en=f"{status.en} ({d['to_confirm'].en})")
        elif r.manual:
            status = Text(ar=f"{status.ar} ({d['by_hand'].ar})", en=f"{status.en} ({d['by_hand'].en})")
        if key == "closed":
            when = _short_date(r.closed_on, labels) if r.closed_on else DASH
            rows.append((what, who, status, when))
        else:
            rows.append((what, who, status, _due(r, labels), _short_date(r.opened_on, labels)))
    if key == "closed":
        columns: tuple[Text, ...] = (f["what"], f["who"], f["status"], d["closed_on"])
    else:
        columns = (f["what"], f["who"], f["status"], f["due"], labels["pack"]["since"])
    return Section(f"followups-{key}", heading, table=Table(columns=columns, rows=tuple(rows)))


def _due(record: FollowUpRecord, labels: Labels) -> Text:
    if record.due_date:
        return date_text(record.due_date)
    return record.due_text or DASH


def _count_section(key: str, heading: Text, column: Text, counts: Sequence[tuple[Text, int]], labels: Labels) -> Section:
    rows = tuple((label, _number(n)) for label, n in counts)
    return Section(key, heading, table=Table(columns=(column, labels["digest"]["count"]), rows=rows))


def _event_paragraph(date: dt.date, paragraph: Text, sources: int, labels: Labels) -> Text:
    """The event's date, its paragraph, and how many sources told it when more than one."""
    when = _short_date(date, labels)
    sides: dict[str, str | None] = {}
    for lang in ("ar", "en"):
        text = paragraph.get(lang)
        if text is None:
            sides[lang] = None
            continue
        more = f" ({localise_number(sources, lang)} {labels['digest']['sources'].get(lang)})" if sources > 1 else ""
        sides[lang] = f"{when.get(lang)}: {text}{more}"
    return Text(**sides)


# -- HTML --------------------------------------------------------------------------

def _context(view: CollectionView, options: RenderOptions, medium: str) -> dict[str, Any]:
    from .html import logo_data_url

    return {
        "doc": view, "labels": view.labels, "languages": options.languages, "layout": options.layout,
        "fonts": options.fonts, "logo": logo_data_url(options.logo), "version": __version__,
        "created": creation_time(view.date).strftime("%Y-%m-%dT%H:%M:%SZ"), "localise_number": localise_number,
        "medium": medium, "outline": lambda text: outline_label(text, options.languages),
    }


def outline_label(text: Text, languages: Sequence[str]) -> str:
    """Return a PDF outline label in the document's languages: `English / العربية` (a missing side left out)."""
    sides = [text.get(lang) for lang in dict.fromkeys(languages)]
    return " / ".join(dict.fromkeys(side for side in sides if side)) or text.en or text.ar or ""


def render_pack_html(view: CollectionView, options: RenderOptions, *, medium: str = "html") -> str:
    """Render a pack to an HTML page (`medium="pdf"` for WeasyPrint: fonts linked, page references)."""
    from .html import render_template

    return render_template(PACK_TEMPLATE, _context(view, options, medium), options, medium=medium)


def render_digest_html(view: CollectionView, options: RenderOptions, *, medium: str = "html") -> str:
    """Render a digest to a standalone HTML page."""
    from .html import render_template

    return render_template(DIGEST_TEMPLATE, _context(view, options, medium), options, medium=medium)


def render_digest_pdf(view: CollectionView, options: RenderOptions) -> bytes:
    """Render a digest to PDF (one WeasyPrint document)."""
    from .pdf import pdf_from_html

    return pdf_from_html(render_digest_html(view, options, medium="pdf"), options)


# -- PDF of a pack -----------------------------------------------------------------

def render_pack_pdf(view: CollectionView, options: RenderOptions, *, advance: Callable[..., None] | None = None) -> bytes:
    """Render a pack to PDF as one WeasyPrint document: tagged, one font subset per face, outline and page references.

    `advance(total=N)` is told the number of steps (pages laid out, then pages drawn) as it
    becomes known, and `advance()` is called once per step.
    """
    from .pdf import pdf_from_html

    html = render_pack_html(view, options, medium="pdf")
    if advance is None:
        return pdf_from_html(html, options)
    return pdf_from_html(html, options, on_page=_page_progress(advance, estimate_pages(view)))


def estimate_pages(view: CollectionView) -> int:
    """Guess a pack's pages before layout (the progress bar's first total): cover, contents, notes, annexes."""
    notes = sum(1 + len(note.sections) // 3 for _, note in view.notes)
    return 2 + (view.overview is not None) + len(view.entries) // 30 + notes + 1 + len(view.index) // 40 + sum(len(s.table.rows) // 12 for s in view.sections if s.table)


def _page_progress(advance: Callable[..., None], estimate: int) -> Callable[[str, int, int | None], None]:
    """Turn WeasyPrint's page events into steps: first the pages laid out (against an estimate), then the pages drawn."""
    state = {"laid": 0, "total": 2 * estimate}
    advance(total=state["total"], description="Laying out the pack (pages)")

    def on_page(stage: str, number: int, pages: int | None) -> None:
        if stage == "layout":
            if number <= state["laid"]:
                return  # a page laid out again (page references settling)
            state["laid"] = number
            if number >= state["total"] // 2:
                state["total"] = 2 * (number + 1)
                advance(total=state["total"])
            advance()
        elif stage == "laid-out" and pages is not None:
            state["total"] = 2 * pages
            advance(total=state["total"], completed=pages)
        elif stage == "draw":
            advance()

    return on_page
