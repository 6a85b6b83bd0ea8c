"""Assemble the Summary (format 1), filling the other language from the term base."""

from __future__ import annotations

from typing import Any

from ..summary.model import parse_summary
from ..terms.normalise import tokenise, transliterate_ar
from ..terms.phrases import arabic_title
from .event import fold
from .participants import Person, Roster
from .statements import Found
from .vocab import Lexicon

_TYPE_EN = {"meeting": "Meeting", "phone_call": "Phone call", "visit": "Visit", "talks": "Talks",
            "summit": "Summit", "other": "Event"}
_TYPE_AR = {"meeting": "لقاء", "phone_call": "اتصال هاتفي", "visit": "زيارة", "talks": "مباحثات",
            "summit": "قمة", "other": "حدث"}


def _other(lang: str) -> str:
    return "en" if lang == "ar" else "ar"


def _text(lang: str, own: str | None, other: str | None) -> dict[str, str] | None:
    out = {}
    if own:
        out[lang] = own
    if other:
        out[_other(lang)] = other
    return out or None


def _term_side(term: Any, lang: str) -> str | None:
    """The other-language side of a term."""
    return (term.en if lang == "ar" else term.ar) or None


def _agenda_item(topic: Any, surface: str, lang: str, lex: Lexicon) -> dict[str, Any]:
    """An agenda item: the release's words, and in the other language their translation from the term base.

    The words are the topic's own name ("Regional situation"), or a country, organisation or city the term
    base knows ("NATO": «حلف شمال الأطلسي»); other words (one of the topic's cues, "Syrian crisis") get the
    topic's name, recorded as inferred: it says what the item is about, not what the release says.
    """
    other = _other(lang)
    named = topic if fold(surface, lang) == fold(topic.surfaces(lang)[0], lang) else \
        next((t for kind in ("country", "organisation", "city") if (t := lex.lookup(surface, lang, kind)) is not None
              and _term_side(t, lang)), None)
    item: dict[str, Any] = {"topic": topic.attrs["topic"], "label": _text(lang, surface, _term_side(named or topic, lang))}
    if named is not None:
        item["origin"] = {f"label.{other}": {"by": "term_base"}}
    elif _term_side(topic, lang):
        item["origin"] = {f"label.{other}": {"by": "inferred", "detail": f"the topic's name; the release says «{surface}»"}}
    return item


_LINK_AR = {"لدي": "to", "لدى": "to", "في": "in", "الي": "to", "إلى": "to"}
_LINK_EN = {"to": "لدى", "in": "في", "of": "", "for": "", "the": ""}


def translate_title(person: Person, lang: str, lex: Lexicon | None = None) -> str | None:
    """The title in the other language, composed from title, country and organisation terms; None if any
    word is not covered by the term base (it stays pending)."""
    if not person.title:
        return None
    terms = person.title_terms
    if len(terms) == 1 and any(fold(s, lang) == fold(person.title, lang) for s in terms[0].surfaces(lang)):
        return _term_side(terms[0], lang)
    if lex is None:
        return None
    return _compose(person.title, lang, lex)


def _of_organisation(title: str, organisation: str) -> str:
    """ "UN Special Envoy": «المبعوث الخاص للأمم المتحدة», a title ending in an adjective keeps it and takes «ل»;
    else the construct, as before a country («رئيس المفوضية الأوروبية»)."""
    words = title.split()
    if len(words) > 1 and words[-1].startswith("ال") and words[0].startswith("ال"):
        return f"{title} {'لل' + organisation[2:] if organisation.startswith('ال') else 'ل' + organisation}"
    return f"{arabic_title(title, 'organisation')} {organisation}"


def _compose(title: str, lang: str, lex: Lexicon) -> str | None:
    """Translate a chain of titles with their countries ("سفير جمهورية مصر العربية لدى المملكة")."""
    tokens = tokenise(title)
    matches = lex.match(title, lang, ("title", "country", "organisation", "city"))
    pieces: list[str] = []
    held: list[str] = []
    held_org = False
    link = "of"
    i = 0
    for m in matches + [None]:
        limit = len(tokens) if m is None else next(k for k, t in enumerate(tokens) if t.end > m.start)
        while i < limit:  # words between terms: links, or a nationality adjective
            word = tokens[i].norm
            code = lex.adjective_country(word) if lang == "ar" else None
            if code and (country := lex.get("country", code)) is not None and pieces:
                pieces[-1] += f" of {country.en}"
            elif lang == "ar" and word in _LINK_AR:
                link = _LINK_AR[word]
            elif lang == "en" and word in _LINK_EN:
                link = _LINK_EN[word] or link
            else:
                return None
            i += 1
        if m is None:
            break
        other = _term_side(m.term, lang)
        if not other:
            return None
        if m.term.kind != "title" and lang == "en" and (not pieces or held):
            held.append(other)  # "Russian Foreign Minister": the country waits for its title
            held_org = m.term.kind == "organisation"
        elif m.term.kind == "title" or not pieces:
            pieces.append(other + "".join(f" {c}" for c in held) if lang == "ar" or not held
                          else _of_organisation(other, held[0]) if held_org and len(held) == 1
                          else f"{arabic_title(other, 'country')} {' و'.join(held)}")  # «وزير خارجية تركيا»
            held.clear()
            link = "of"
        elif lang == "ar":
            pieces[-1] += f" {link} {other}"
        else:
            pieces[-1] += f" {_LINK_EN.get(link, '') or ''} {other}".replace("  ", " ")
        i = next((k for k, t in enumerate(tokens) if t.start >= m.end), len(tokens))
    if held or not pieces:
        return None
    return ("، " if lang == "en" else ", ").join(pieces)


def build_summary(*, release: Any, language: str, lex: Lexicon, seg: Any, sentences: list[str], event_type: str,
                  found_date: Any, place: Any, place_surface: str | None, roster: Roster,
                  found: Found, anchor: Any = None, date_sentence: int | None = None, lead: int = 0,
                  given_date: Any = None) -> tuple[Any, list[str]]:
    """Return (Summary, review notes)."""
    review: list[str] = []
    other = _other(language)
    participants = []
    for i, p in enumerate(roster.people):
        origin: dict[str, Any] = {}
        name_other = _term_side(p.person, language) if p.person is not None else None
        if name_other is not None:
            origin[f"name.{other}"] = {"by": "term_base"}
        if p.person is not None and p.person.key in roster.spelled:
            met = roster.spelled[p.person.key]
            origin[f"name.{other}"] = {"by": "inferred", "detail": f"«{met}» read as the term base's «{p.person.surfaces(language)[0]}»"}
            review.append(f"participants[{i}].name: «{met}» taken for {p.person.surfaces(language)[0]} of the term base "
                          "(the spelling differs): check it is the same person")
        if name_other is None and p.name:
            if language == "ar":
                name_other = transliterate_ar(p.name)
                origin[f"name.{other}"] = {"by": "transliterated"}
                review.append(f"participants[{i}].name.{other}: transliterated, not in the term base ({p.name})")
            else:
                review.append(f"participants[{i}].name.{other}: not in the term base ({p.name})")
        title_other = translate_title(p, language, lex)
        if p.title and title_other is None:
            review.append(f"participants[{i}].title.{other}: pending translation")
        if p.name is None:
            review.append(f"participants[{i}].name: not named in the release; the title stands in")
            name = _text(language, p.title, translate_title(p, language, lex))
        else:
            name = _text(language, p.name, name_other)
        entry: dict[str, Any] = {"id": p.pid, "name": name or {language: p.pid}, "side": p.side}
        if p.title:
            entry["title"] = _text(language, p.title, title_other)
        if p.country:
            entry["country"] = p.country
            if p.country_by == "inferred":
                origin["country"] = {"by": "inferred", "detail": "not written with the name: the place's country, the "
                                     "delegation's, or that of the city the office is of"}
            elif p.country_by == "term_base":
                origin["country"] = {"by": "term_base"}
        if p.side in ("host", "guest"):
            origin["side"] = {"by": "inferred", "detail": "from the lead's verb, the place or who asked for the contact"}
        if origin:
            entry["origin"] = origin
        participants.append(entry)
    if not participants:
        participants.append({"id": "unknown", "name": {language: "?"}, "side": "other"})
        review.append("participants: none found; name who took part")

    event: dict[str, Any] = {"type": event_type}
    event_origin: dict[str, Any] = {}
    if found_date is not None:
        event["date"] = found_date.date.isoformat() if found_date.date else None
        event["date_text"] = found_date.text
        event_origin["date"] = _date_origin(found_date, anchor, date_sentence)
        if event_origin["date"]["by"] == "metadata" and found_date.date:
            review.append(f"event.date: «{found_date.text}» counted from {anchor.detail} ({anchor.date.isoformat()})")
    if (found_date is None or found_date.date is None) and getattr(release, "metadata_date", None):
        review.append(f"event: no date in the text; {release.metadata_from} gives "
                      f"{release.metadata_date.isoformat()} (not used: give --date if it is the event's)")
    if place is not None:
        event["place"] = {"ar": place.ar or None, "en": place.en or None}
        event_origin["place"] = {"by": "release", "sentence": lead + 1}
    elif place_surface:
        event["place"] = {language: place_surface}
        event_origin["place"] = {"by": "release", "sentence": lead + 1}
        review.append(f"event.place.{other}: pending translation ({place_surface})")
    event["title"] = _event_title(event_type, roster, language, seg.title, lex)
    if event_origin:
        event["origin"] = event_origin

    data: dict[str, Any] = {"format": 1, "language": language}
    source: dict[str, Any] = {}
    if seg.title:
        source["title"] = {language: seg.title}
    if getattr(release, "url", None):
        source["url"] = release.url
    if given_date is not None:
        source["published"] = given_date.isoformat()
    elif release.date_hint:
        source["published"] = release.date_hint.isoformat()
        source["origin"] = {"published": {"by": "metadata", "detail": "the page's published-time markup"}}
    if release.file and release.file != "<stdin>":
        source["file"] = str(release.file).replace("\\", "/").rsplit("/", 1)[-1]
    if source:
        data["source"] = source
    data["event"] = event
    data["participants"] = participants
    data["agenda"] = [_agenda_item(t, surface, language, lex) for t, surface in found.agenda]
    data["positions"] = [{"speaker": s.speaker, "stance": s.stance, "text": {language: s.text},
                          "source": s.sentence + 1} for s in found.positions]
    data["follow_ups"] = [_follow_up(f, language) for f in found.follow_ups]
    data["context"] = [{language: sentences[i]} for i in found.context]
    if found.positions:
        review.append("positions: clauses are in the release's language only; translation pending")
    data["review"] = review
    return parse_summary(data), review


def _date_origin(found_date: Any, anchor: Any, sentence: int | None) -> dict[str, Any]:
    """Where the event's date came from: the text itself, or the text counted from an anchor."""
    out: dict[str, Any] = {"by": "release"}
    if sentence is not None:
        out["sentence"] = sentence + 1
    if found_date.relative and anchor is not None and anchor.date is not None:
        out["by"] = anchor.by
        out["detail"] = f"«{found_date.text}» counted from {anchor.detail}"
    elif sentence is None:
        out["detail"] = "the dateline"
    return out


def _follow_up(f: Any, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": f.kind, "who": f.who, "what": {lang: f.what}, "status": f.status,
                           "source": f.sentence + 1}
    if f.due_text or f.due_date:
        due: dict[str, Any] = {"date": f.due_date.isoformat() if f.due_date else None}
        if f.due_text:
            due["text"] = _text(lang, f.due_text, _term_side(f.due_term, lang) if f.due_term else None)
        out["due"] = due
    return out


def _event_title(event_type: str, roster: Roster, lang: str, title: str | None, lex: Lexicon) -> dict[str, str] | None:
    """A one-line title: "Meeting of the X with the Y" from the principals' titles (or names) where known."""
    mains = roster.mains()[:2]
    en_parts, ar_parts = [], []
    for p in mains:
        t_en = translate_title(p, lang, lex) if lang == "ar" else p.title
        name_en = p.person.en if p.person is not None else (p.name if lang == "en" else None)
        en_parts.append(f"the {t_en}" if t_en else name_en)
        ar_parts.append(p.title if lang == "ar" else translate_title(p, lang, lex))
    out: dict[str, str] = {}
    if len(mains) == 2 and all(en_parts):
        out["en"] = f"{_TYPE_EN[event_type]} of {en_parts[0]} with {en_parts[1]}"
    if len(mains) == 2 and all(ar_parts):
        # «اتصال هاتفي» is a noun and its adjective: it takes «بين ... و»; the others take the first as their genitive
        out["ar"] = f"اتصال هاتفي بين {ar_parts[0]} و{ar_parts[1]}" if event_type == "phone_call" else \
            f"{_TYPE_AR[event_type]} {ar_parts[0]} مع {ar_parts[1]}"
    elif title and lang == "ar":
        out["ar"] = title
    return out or None
