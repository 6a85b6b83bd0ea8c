"""Turn a summary into the language-neutral view every renderer draws; pure."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import overload

from ..summary.model import FollowUp, Participant, Summary, Text
from ..summary.review import is_draft
from .formatting import FSI, PDI, country_name, date_text, format_gregorian, isolate_ltr, localise_digits, western_digits
from .links import linkable

Labels = dict[str, dict[str, Text]]
DASH = Text(ar="—", en="—")


class Suggested(Text):
    """A text with sides a formula or the translation memory suggested, not yet checked by a person."""

    suggested: tuple[str, ...] = ()


class Unreviewed(Text):
    """A line of a pack's contents or a digest told from a summary no person has reviewed: drawn after the DRAFT tag."""

    draft: bool = True


def as_draft(text: Text) -> Unreviewed:
    """Return `text` as a line from an unreviewed summary (drawn after the DRAFT / مسودة tag)."""
    return Unreviewed(ar=text.ar, en=text.en)


@overload
def _suggested(summary: Summary, text: Text, origin: dict, prefix: str) -> Text: ...
@overload
def _suggested(summary: Summary, text: Text | None, origin: dict, prefix: str) -> Text | None: ...
def _suggested(summary: Summary, text: Text | None, origin: dict, prefix: str) -> Text | None:
    """Mark the sides of `text` whose origin under `prefix` is a formula or the TM (until the summary is reviewed)."""
    if text is None or summary.reviewed is not None:
        return text
    langs = tuple(lang for lang in ("ar", "en")
                  if (o := origin.get(f"{prefix}.{lang}")) is not None and o.by.value in ("formula", "tm")
                  and text.get(lang) is not None)
    return Suggested(ar=text.ar, en=text.en, suggested=langs) if langs else text


@dataclass(frozen=True)
class Table:
    """A table: column headings and rows of cells, every cell a Text (None = not given)."""

    columns: tuple[Text, ...]
    rows: tuple[tuple[Text | None, ...], ...]


@dataclass(frozen=True)
class Group:
    """A heading with the items under it (positions of one speaker)."""

    heading: Text
    items: tuple[tuple[Text, Text], ...]  # (stance label, statement)


@dataclass(frozen=True)
class Section:
    """One section of the note; exactly one of facts, table, items, groups is filled."""

    key: str
    heading: Text
    facts: tuple[tuple[Text, Text], ...] = ()
    table: Table | None = None
    items: tuple[Text, ...] = ()
    groups: tuple[Group, ...] = ()
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteView:
    """Everything a note shows, in both languages, in reading order."""

    id: str
    title: Text
    kind: Text
    date_line: Text
    classification: str | None
    reference: str | None  # isolated left to right (LRI…PDI)
    organisation: Text | None
    sections: tuple[Section, ...]
    language: str
    date: dt.date | None = None
    draft: bool = False
    labels: Labels = field(default_factory=dict, repr=False, compare=False)
    marking: Text | None = None  # the classification in both languages

    def label(self, group: str, key: str) -> Text:
        """Return a fixed wording from the labels."""
        return self.labels[group][key]


def _or_dash(text: Text | None) -> Text:
    return text if text is not None and not text.is_empty() else DASH


def _title(summary: Summary, labels: Labels) -> Text:
    """Return the note's title: the event's own, else one built from type and place."""
    if summary.event.title is not None and not summary.event.title.is_empty():
        return summary.event.title
    kind = labels["event_types"][summary.event.type.value]
    place = summary.event.place
    sides = {}
    for lang in ("ar", "en"):
        where = place.get(lang) if place else None
        joiner = " في " if lang == "ar" else " in "
        sides[lang] = (kind.get(lang) or "") + (joiner + where if where else "")
    return Text(**sides)


def _event_date(summary: Summary, labels: Labels, style: str) -> Text:
    """Return the event date in both calendars, or say that the release gives none."""
    if summary.event.date is not None:
        return date_text(summary.event.date, style)
    no_date = labels["phrases"]["no_date"]
    written = summary.event.date_text
    if not written:
        return no_date
    return Text(
        ar=f"{no_date.ar} ({labels['phrases']['as_written'].ar}: «{_isolate(written)}»)",
        en=f"{no_date.en} ({labels['phrases']['as_written'].en}: “{_isolate(written)}”)",
    )


def _isolate(text: str) -> str:
    """Wrap text of either direction in Unicode isolates so it does not reorder its neighbours."""
    return f"{FSI}{text}{PDI}"


def _note_date(summary: Summary) -> dt.date | None:
    published = summary.source.published if summary.source else None
    return summary.event.date or published


def _event_section(summary: Summary, labels: Labels, style: str) -> Section:
    f = labels["fields"]
    facts = [
        (f["type"], labels["event_types"][summary.event.type.value]),
        (f["date"], _event_date(summary, labels, style)),
    ]
    if summary.event.place is not None:
        facts.append((f["place"], _suggested(summary, summary.event.place, summary.event.origin, "place")))
    return Section("event", labels["sections"]["event"], facts=tuple(facts))


def _participant_row(summary: Summary, p: Participant, labels: Labels) -> tuple[Text | None, ...]:
    title = _suggested(summary, p.title, p.origin, "title")
    return (p.name, _or_dash(title), _or_dash(country_name(p.country)), labels["sides"][p.side.value])


def _participants_section(summary: Summary, labels: Labels) -> Section:
    f = labels["fields"]
    table = Table(
        columns=(f["name"], f["title"], f["country"], f["side"]),
        rows=tuple(_participant_row(summary, p, labels) for p in summary.participants),
    )
    return Section("participants", labels["sections"]["participants"], table=table)


def _speaker_name(summary: Summary, speaker: str | None, labels: Labels) -> Text:
    if speaker is None:
        return DASH
    if speaker == "both":
        return labels["phrases"]["both_sides"]
    participant = summary.participant(speaker)
    return participant.name if participant else Text(ar=speaker, en=speaker)


def _positions_section(summary: Summary, labels: Labels) -> Section | None:
    order: list[str] = []
    for position in summary.positions:
        if position.speaker not in order:
            order.append(position.speaker)
    groups = []
    for speaker in order:
        items = tuple(
            (labels["stances"][p.stance.value], _suggested(summary, p.text, p.origin, "text"))
            for p in summary.positions if p.speaker == speaker
        )
        groups.append(Group(_speaker_name(summary, speaker, labels), items))
    return Section("positions", labels["sections"]["positions"], groups=tuple(groups)) if groups else None


def _without_date(text: Text, date: dt.date) -> Text | None:
    """Drop from a written due date the date printed beside it ("16 March 2027, Kuwait City" -> "Kuwait City")."""
    sides = {}
    for lang in ("ar", "en"):
        value = text.get(lang)
        if value:
            written = western_digits(format_gregorian(date, lang))
            value = western_digits(value).replace(written, "").strip(" ,،—-") or None
        sides[lang] = value
    rest = Text(**sides)
    return None if rest.is_empty() else rest


def _due(follow_up: FollowUp, style: str) -> Text | None:
    due = follow_up.due
    if due is None:
        return None
    written = _without_date(due.text, due.date) if due.text is not None and due.date is not None else due.text
    parts = [t for t in (date_text(due.date, style) if due.date else None, written) if t is not None]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return Text(**{lang: " — ".join(p.get(lang) or "" for p in parts).strip(" —") or None for lang in ("ar", "en")})


def _follow_ups_section(summary: Summary, labels: Labels, style: str) -> Section | None:
    if not summary.follow_ups:
        return None
    f = labels["fields"]
    rows = []
    for item in summary.follow_ups:
        kind = labels["follow_up_kinds"][item.kind.value]
        what = _suggested(summary, Text(
            ar=f"{kind.ar}: {item.what.ar}" if item.what.ar else None,
            en=f"{kind.en}: {item.what.en}" if item.what.en else None,
        ), item.origin, "what")
        rows.append((what, _speaker_name(summary, item.who, labels), labels["statuses"][item.status.value], _or_dash(_due(item, style))))
    table = Table(columns=(f["what"], f["who"], f["status"], f["due"]), rows=tuple(rows))
    return Section("follow_ups", labels["sections"]["follow_ups"], table=table)


def _source_section(summary: Summary, labels: Labels, style: str) -> Section | None:
    source = summary.source
    if source is None:
        return None
    f = labels["fields"]
    facts: list[tuple[Text, Text]] = []
    if source.title is not None:
        facts.append((f["source_title"], source.title))
    if source.publisher is not None:
        facts.append((f["publisher"], source.publisher))
    if source.published is not None:
        facts.append((f["published"], date_text(source.published, style)))
    if source.file:
        facts.append((f["file"], Text(ar=isolate_ltr(source.file), en=source.file)))
    links: tuple[str, ...] = ()
    if source.url and linkable(source.url):
        links = (source.url,)
    elif source.url:  # javascript:, data:, file: and the like: shown, never linked
        facts.append((f["link"], Text(ar=isolate_ltr(source.url), en=source.url)))
    if not facts and not links:
        return None
    return Section("source", labels["sections"]["source"], facts=tuple(facts), links=links)


def classification_marking(level: str | None, labels: Labels) -> Text | None:
    """Return a classification level as its bilingual marking («مقيد / RESTRICTED»); unknown levels as written."""
    if not level:
        return None
    known = labels.get("classifications", {}).get(level.strip().lower().replace(" ", "_"))
    if known is None:
        return Text(ar=level, en=level)
    return known


def localise_text(text: Text, digits: str) -> Text:
    """Write each side of a text in the one digit system of its language."""
    sides = {lang: localise_digits(value, lang, digits) if value else value for lang, value in (("ar", text.ar), ("en", text.en))}
    return text if sides == {"ar": text.ar, "en": text.en} else text.model_copy(update=sides)


def localise_view(value: object, digits: str) -> object:
    """Apply `localise_text` to every Text inside a view (dataclasses and tuples): a note, a pack or a digest."""
    if isinstance(value, Text):
        return localise_text(value, digits)
    if isinstance(value, tuple):
        return tuple(localise_view(v, digits) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: localise_view(getattr(value, f.name), digits) for f in dataclasses.fields(value) if f.name != "labels"}
        return dataclasses.replace(value, **changes)
    return value


def build_view(
    summary: Summary,
    labels: Labels,
    *,
    organisation: Text | None = None,
    classification: str | None = None,
    digits: str = "arabic-indic",
    date_style: str = "gregorian",
) -> NoteView:
    """Build the view of one note from a summary and the fixed wording, every number in its language's digits."""
    sections: list[Section | None] = [
        _event_section(summary, labels, date_style),
        _participants_section(summary, labels),
        Section("agenda", labels["sections"]["agenda"], items=tuple(_suggested(summary, a.label, a.origin, "label") for a in summary.agenda)) if summary.agenda else None,
        _positions_section(summary, labels),
        _follow_ups_section(summary, labels, date_style),
        Section("context", labels["sections"]["context"], items=tuple(summary.context)) if summary.context else None,
        _source_section(summary, labels, date_style),
    ]
    note_date = _note_date(summary)
    level = summary.classification or classification
    view = NoteView(
        id=summary.note_id,
        title=_title(summary, labels),
        kind=labels["phrases"]["briefing_note"],
        date_line=date_text(note_date, date_style) if note_date else labels["phrases"]["undated"],
        classification=level,
        reference=isolate_ltr(summary.reference) if summary.reference else None,
        organisation=organisation,
        sections=tuple(s for s in sections if s is not None),
        language=summary.language,
        date=note_date,
        draft=is_draft(summary),
        labels=labels,
        marking=classification_marking(level, labels),
    )
    return localise_view(view, digits)  # type: ignore[return-value]


def localise_number(value: int, lang: str, digits: str = "arabic-indic") -> str:
    """Return a number in the digits of `lang` (Arabic: `digits`, arabic-indic or western)."""
    return localise_digits(str(value), lang, digits)
