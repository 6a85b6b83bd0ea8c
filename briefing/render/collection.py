"""Packs and digests: their language-neutral views, and their HTML and PDF renderings.

A pack's PDF is laid out in parts that do not depend on each other (the front matter,
each note, the annexes), in parallel over the machine's cores (`briefing.parallel`); the
parts are then joined with pypdf, page furniture (classification, "Page X of Y") is laid
over every page from one more WeasyPrint sheet, and the outline and the contents' links are
added. The contents' page numbers come from the parts' page counts, so the front matter is
laid out last. The same input gives the same bytes, whatever the number of workers.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .. import __version__
from ..assemble import Digest, Pack
from ..fulfilment import FollowUpRecord
from ..model import Text
from .formatting import country_name, date_text, format_gregorian
from .options import RenderOptions, creation_time
from .paragraphs import digest_paragraph
from .templates import load_labels
from .view import DASH, Labels, NoteView, Section, Table, build_view, localise_number

PACK_TEMPLATE = "pack.html.j2"
DIGEST_TEMPLATE = "digest.html.j2"
FURNITURE_TEMPLATE = "pack-furniture.html.j2"
_PX = 0.75  # PDF points per CSS pixel


@dataclass(frozen=True)
class Entry:
    """One line of a pack's contents."""

    number: int
    anchor: str
    title: Text
    date: Text


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
    sections: tuple[Section, ...] = ()  # the pack's annexes, or the digest's body
    message: Text | None = None  # what an empty digest says
    labels: Labels = field(default_factory=dict, repr=False, compare=False)

    def label(self, group: str, key: str) -> Text:
        """Return a fixed wording from the labels."""
        return self.labels[group][key]


# -- views (pure) ------------------------------------------------------------------

def pack_view(pack: Pack, options: RenderOptions, labels: Labels | None = None) -> CollectionView:
    """Build the view of a pack: cover, contents, notes and annexes."""
    labels = labels if labels is not None else load_labels(options.template_path())
    notes = tuple((e.anchor, build_view(e.summary, labels, organisation=options.organisation,
                                        classification=options.classification)) for e in pack.events)
    entries = tuple(Entry(e.number, e.anchor, view.title, _short_date(e.date, labels)) for e, (_, view) in zip(pack.events, notes))
    p = labels["pack"]
    facts = [(p["period"], period_text(pack.start, pack.end, labels)), (p["events"], _number(len(pack.events)))]
    if pack.undated:
        facts.append((p["undated"], _number(pack.undated)))
    sections = (_index_section(pack, labels), _followups_section(pack.open_followups, labels, p["open_followups"], "open"))
    return CollectionView(
        kind=p["kind"], title=pack.title, period=period_text(pack.start, pack.end, labels),
        classification=pack.classification or options.classification, organisation=options.organisation,
        facts=tuple(facts), date=pack.end, entries=entries, notes=notes, sections=sections, labels=labels)


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
        items = tuple(_event_paragraph(e.date, digest_paragraph(e.summary, labels), e.sources, labels) for e in digest.events)
        sections.append(Section("events", d["events"], items=items))
    sections.append(_followups_section(digest.opened, labels, d["opened"], "opened"))
    sections.append(_followups_section(digest.closed, labels, d["closed"], "closed"))
    sections.append(_followups_section(digest.open_followups, labels, d["still_open"], "open"))
    kind = d["kind"] if digest.week else d["kind_range"]
    return CollectionView(
        kind=kind, title=kind, period=period, classification=options.classification, organisation=options.organisation, facts=tuple(facts),
        date=digest.end, sections=tuple(sections), message=d["no_events"] if digest.is_empty else None, labels=labels)


def period_text(start: dt.date | None, end: dt.date | None, labels: Labels) -> Text:
    """Return `18 November 2026 – 24 November 2026` in both languages (one date when they are equal)."""
    if start is None or end is None:
        return labels["phrases"]["undated"]
    if start == end:
        return Text(ar=format_gregorian(start, "ar"), en=format_gregorian(start, "en"))
    return Text(ar=f"{format_gregorian(start, 'ar')} – {format_gregorian(end, 'ar')}",
                en=f"{format_gregorian(start, 'en')} – {format_gregorian(end, 'en')}")


def _number(n: int) -> Text:
    return Text(ar=localise_number(n, "ar"), en=str(n))


def _short_date(date: dt.date | None, labels: Labels) -> Text:
    if date is None:
        return labels["phrases"]["undated"]
    return Text(ar=format_gregorian(date, "ar"), en=format_gregorian(date, "en"))


def _join_texts(parts: Sequence[Text], sep: dict[str, str]) -> Text:
    """Join Texts side by side; a side is pending when any part lacks it."""
    sides: dict[str, str | None] = {}
    for lang in ("ar", "en"):
        values = [v for p in parts if (v := p.get(lang)) is not None]
        sides[lang] = sep[lang].join(values) if values and len(values) == len(parts) else None
    return Text(**sides)


_SEP = {"ar": "، ", "en": ", "}
_LIST = {"ar": "؛ ", "en": "; "}


def _index_section(pack: Pack, labels: Labels) -> Section:
    """Annex A: each participant, who they met and when."""
    f, p = labels["fields"], labels["pack"]
    rows = []
    for person in pack.participants:
        meetings = []
        for m in person.meetings:
            others = _join_texts([c.name for c in m.counterparts], _SEP) if m.counterparts else p["nobody"]
            when = _short_date(m.date, labels)
            number = Text(ar=f"{p['note'].ar} {localise_number(m.number, 'ar')}", en=f"{p['note'].en} {m.number}")
            meetings.append(Text(**{lang: (f"{when.get(lang)} ({number.get(lang)}): {others.get(lang)}"
                                           if others.get(lang) is not None else None) for lang in ("ar", "en")}))
        rows.append((person.name, person.title or DASH, country_name(person.country) or DASH, _join_texts(meetings, _LIST)))
    table = Table(columns=(f["name"], f["title"], f["country"], p["meetings"]), rows=tuple(rows))
    return Section("index", p["index"], table=table)


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
    columns: tuple[Text, ...]
    if key == "closed":
        columns = (f["what"], f["who"], f["status"], d["closed_on"])
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

def _context(view: CollectionView, options: RenderOptions, **extra: Any) -> dict[str, Any]:
    from .html import logo_data_url

    return {
        "doc": view, "labels": view.labels, "languages": options.languages, "layout": options.layout,
        "fonts": options.fonts, "logo": logo_data_url(options.logo), "version": __version__,
        "created": creation_time(view.date).strftime("%Y-%m-%dT%H:%M:%SZ"), "localise_number": localise_number,
        "part": "all", "chunk": False, "pages": {}, "note_index": None, **extra,
    }


def render_pack_html(view: CollectionView, options: RenderOptions, *, medium: str = "html", **extra: Any) -> str:
    """Render a pack (or one part of it, for the PDF) to an HTML page."""
    from .html import render_template

    return render_template(PACK_TEMPLATE, _context(view, options, **extra), options, medium=medium)


def render_digest_html(view: CollectionView, options: RenderOptions, *, medium: str = "html") -> str:
    """Render a digest to a standalone HTML page."""
    from .html import render_template

    return render_template(DIGEST_TEMPLATE, _context(view, options), options, medium=medium)


def render_digest_pdf(view: CollectionView, options: RenderOptions) -> bytes:
    """Render a digest to PDF (one WeasyPrint document)."""
    from .pdf import pdf_from_html

    return pdf_from_html(render_digest_html(view, options, medium="pdf"), options)


# -- PDF of a pack -----------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    """One independently laid-out part of a pack's PDF."""

    pdf: bytes
    pages: int
    links: tuple[tuple[int, str, tuple[float, float, float, float]], ...] = ()  # (page, anchor, rect in points)


def _layout(html: str, options: RenderOptions) -> Part:
    """Lay out an HTML part with WeasyPrint; return its PDF, page count and internal links."""
    from ..errors import RenderError
    from .pdf import import_weasyprint, make_url_fetcher

    HTML = import_weasyprint().HTML

    path = options.template_path()
    try:
        document = HTML(string=html, base_url=path[0].as_uri() + "/",
                        url_fetcher=make_url_fetcher([*path, *options.fonts.folders()])).render()
        links = []
        for number, page in enumerate(document.pages):
            height = page.height * _PX
            for kind, target, (x, y, w, h), _box in page.links:
                if kind == "internal":
                    links.append((number, target, (x * _PX, height - (y + h) * _PX, (x + w) * _PX, height - y * _PX)))
        return Part(document.write_pdf(pdf_identifier=False), len(document.pages), tuple(links))
    except Exception as exc:  # WeasyPrint raises many types; report one line
        raise RenderError(f"PDF layout failed: {exc}") from exc


def render_part(task: tuple[CollectionView, RenderOptions, dict[str, Any]]) -> Part:
    """Render one part of a pack to PDF (run in a worker process)."""
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    view, options, extra = task
    return _layout(render_pack_html(view, options, medium="pdf", chunk=True, **extra), options)


def render_pack_pdf(view: CollectionView, options: RenderOptions, *, workers: int | None = None,
                    advance: Callable[[], None] | None = None) -> bytes:
    """Render a pack to PDF: the notes and annexes in parallel, then the front matter, joined and furnished."""
    from ..parallel import map_ordered

    front_view = replace(view, notes=(), sections=())  # each task carries only what its part shows
    # A first layout of the front matter here, before the workers fork, leaves fonts and caches warm for them.
    front = render_part((front_view, options, {"part": "front", "pages": {}}))
    if advance:
        advance()
    tasks = [(replace(view, entries=(), notes=(note,), sections=()), options, {"part": "note", "note_index": 0}) for note in view.notes]
    tasks.append((replace(view, entries=(), notes=()), options, {"part": "annexes"}))
    parts = map_ordered(render_part, tasks, workers=workers, advance=advance)
    notes, annexes = parts[:-1], parts[-1]
    for _ in range(3):  # the front matter's length may change with the page numbers (rarely)
        pages, start = {}, front.pages + 1
        for (anchor, _), part in zip(view.notes, notes):
            pages[anchor] = start
            start += part.pages
        pages["annexes"] = start
        total = start - 1 + annexes.pages
        final, furniture = map_ordered(_finish, [("front", front_view, options, pages), ("furniture", replace(front_view, entries=()), options, total)],
                                       workers=workers)
        if final.pages == front.pages:
            break
        front = final
    return _join([final, *notes, annexes], pages, view, options, furniture)


def _finish(task: tuple[str, CollectionView, RenderOptions, Any]) -> Any:
    """Lay out the front matter with its page numbers, or the furniture sheet (side by side)."""
    kind, view, options, value = task
    if kind == "front":
        return render_part((view, options, {"part": "front", "pages": value}))
    return _furniture(view, options, value)


def _join(parts: Sequence[Part], pages: dict[str, int], view: CollectionView, options: RenderOptions, sheet: bytes) -> bytes:
    """Join the parts, lay the page furniture over each page, add the outline, links and metadata."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import NameObject, TextStringObject

    furniture = PdfReader(io.BytesIO(sheet))
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=False)
    _overlay(writer, furniture)
    for number, anchor, rect in parts[0].links:
        if anchor in pages:
            writer.add_annotation(number, Link(rect=rect, target_page_index=pages[anchor] - 1))
    lang = options.languages[0]
    writer.add_outline_item(title=_side(view.title, lang), page_number=0)
    for entry in view.entries:
        writer.add_outline_item(title=f"{entry.number}. {_side(entry.title, lang)}", page_number=pages[entry.anchor] - 1)
    for section in view.sections:
        writer.add_outline_item(title=_side(section.heading, lang), page_number=pages["annexes"] - 1)
        break
    writer.page_mode = "/UseOutlines"
    stamp = creation_time(view.date).strftime("D:%Y%m%d%H%M%SZ")
    org = view.organisation
    writer.add_metadata({"/Title": _side(view.title, lang), "/Author": (org.en or org.ar or "") if org else "",
                         "/Creator": f"briefing {__version__}", "/Producer": f"briefing {__version__} (WeasyPrint, pypdf)",
                         "/CreationDate": stamp, "/ModDate": stamp})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _overlay(writer: Any, furniture: Any) -> None:
    """Draw each furniture page over the same page of `writer` as a form XObject (no content parsing)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    def stream(data: bytes) -> Any:
        obj = DecodedStreamObject()
        obj.set_data(data)
        return writer._add_object(obj)

    before, after = None, None
    for page, sheet in zip(writer.pages, furniture.pages):
        form = DecodedStreamObject()
        form.set_data(sheet.get_contents().get_data())
        form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                     NameObject("/BBox"): sheet.mediabox, NameObject("/Resources"): sheet["/Resources"].clone(writer)})
        resources = DictionaryObject(page["/Resources"].get_object())  # pages may share one: copy it
        xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
        xobjects[NameObject("/BriefingFurniture")] = writer._add_object(form)
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        contents = page.get("/Contents")
        old = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
        before = before or stream(b"q\n")
        after = after or stream(b"\nQ q /BriefingFurniture Do Q\n")
        page[NameObject("/Contents")] = ArrayObject([before, *old, after])


def _side(text: Text, lang: str) -> str:
    return text.get(lang) or text.en or text.ar or ""


def _furniture(view: CollectionView, options: RenderOptions, total: int) -> bytes:
    """Lay out `total` empty pages carrying only the running classification and page numbers."""
    from .html import render_template
    from .pdf import pdf_from_html

    html = render_template(FURNITURE_TEMPLATE, _context(view, options, total=total), replace(options, pdf_variant=None), medium="pdf")
    return pdf_from_html(html, replace(options, pdf_variant=None))
