"""The summary model, format 1: one diplomatic event as told by one release."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

LANGUAGES = ("ar", "en")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class EventType(str, Enum):
    """Kinds of event a summary can describe."""

    meeting = "meeting"
    phone_call = "phone_call"
    visit = "visit"
    talks = "talks"
    summit = "summit"
    other = "other"


class Side(str, Enum):
    """Role of a participant: who receives, who visits."""

    host = "host"
    guest = "guest"
    other = "other"


class Topic(str, Enum):
    """Topic vocabulary for agenda items."""

    trade = "trade"
    economy = "economy"
    investment = "investment"
    energy = "energy"
    transport = "transport"
    security = "security"
    defence = "defence"
    counter_terrorism = "counter_terrorism"
    border = "border"
    migration = "migration"
    humanitarian = "humanitarian"
    culture = "culture"
    education = "education"
    health = "health"
    agriculture = "agriculture"
    water = "water"
    environment = "environment"
    regional_situation = "regional_situation"
    international_situation = "international_situation"
    multilateral = "multilateral"
    bilateral_relations = "bilateral_relations"


class Stance(str, Enum):
    """Stance vocabulary for positions (CAMEO-aligned)."""

    satisfaction = "satisfaction"
    emphasis = "emphasis"
    concern = "concern"
    call = "call"
    support = "support"
    welcome = "welcome"
    condemnation = "condemnation"
    congratulation = "congratulation"
    condolence = "condolence"
    thanks = "thanks"
    hope = "hope"
    agreement = "agreement"
    exchange_views = "exchange_views"
    other = "other"


class FollowUpKind(str, Enum):
    """What a follow-up is."""

    visit = "visit"
    invitation = "invitation"
    agreement = "agreement"
    meeting = "meeting"
    call = "call"
    other = "other"


class FollowUpStatus(str, Enum):
    """Where a follow-up stands."""

    proposed = "proposed"
    accepted = "accepted"
    scheduled = "scheduled"
    done = "done"
    declined = "declined"


OPEN_STATUSES = frozenset({FollowUpStatus.proposed, FollowUpStatus.accepted, FollowUpStatus.scheduled})


class OriginKind(str, Enum):
    """Where a value came from: the release itself, a person, or something the tool inferred."""

    release = "release"
    term_base = "term_base"
    formula = "formula"
    tm = "tm"
    metadata = "metadata"
    option = "option"
    inferred = "inferred"
    transliterated = "transliterated"
    person = "person"


# Values of these origins were not read from the release nor given by a person: a person checks them.
UNCHECKED_ORIGINS = frozenset(
    {OriginKind.formula, OriginKind.tm, OriginKind.metadata, OriginKind.inferred, OriginKind.transliterated}
)
ORIGIN_KEY_PATTERN = r"^[a-z_]+(\.[a-z_]+)*$"
MAX_ID = 200  # characters: <id>.docx must fit in a file name (255 bytes)
MAX_TEXT = 20_000  # characters in one value
MAX_ITEMS = 200  # entries in one list (participants, agenda, follow-ups, context)
# C0 and C1 controls but tab, newline and return, and the two non-characters XML refuses.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Join UTF-16 surrogate pairs (JSON's escapes); refuse lone surrogates, control characters, huge values."""
    if value.isprintable() and len(value) <= MAX_TEXT:
        return value  # no surrogate, control character nor non-character is printable: most values, at C speed
    if _SURROGATE.search(value):
        try:
            value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            bad = _SURROGATE.search(value)
            assert bad is not None
            raise ValueError(f"contains a lone surrogate (U+{ord(bad[0]):04X}), which is not a character") from None
    if bad := _CONTROL.search(value):
        raise ValueError(f"contains a control character (U+{ord(bad[0]):04X}) at character {bad.start() + 1}")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value):,} characters long, over the {MAX_TEXT:,} limit")
    return value


def _clean_strings(value: Any) -> Any:
    """Clean a field's string, or the strings of a list (mappings are models that clean their own)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        cleaned = []
        for number, item in enumerate(value, 1):
            try:
                cleaned.append(clean_text(item) if isinstance(item, str) else item)
            except ValueError as exc:
                raise ValueError(f"item {number} {exc}") from None
        return cleaned
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        if value.__class__ is str and value.isprintable() and len(value) <= MAX_TEXT:
            return value  # clean_text's own first test, without two calls: most fields are plain strings
        return _clean_strings(value)


class Origin(_Strict):
    """The provenance of one value of an item (see `origin` in docs/summary-format.md)."""

    by: OriginKind
    sentence: int | None = Field(default=None, ge=1, description="1-based sentence of the release")
    score: float | None = Field(default=None, ge=0, le=100, description="match score of a TM suggestion")
    detail: str | None = Field(default=None, description="e.g. the file name a date was read from")


OriginMap = Annotated[
    dict[Annotated[str, Field(pattern=ORIGIN_KEY_PATTERN)], Origin],
    Field(default_factory=dict, description="field path inside the item (date, name.en, text.ar) -> origin"),
]


class Text(_Strict):
    """A human-readable value in Arabic and/or English; a missing side is pending."""

    ar: str | None = None
    en: str | None = None

    @field_validator("ar", "en", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            return value or None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value

    def get(self, lang: str) -> str | None:
        """Return the side in `lang`, or None when it is pending."""
        return self.ar if lang == "ar" else self.en

    def pending(self, lang: str) -> bool:
        """Tell whether the side in `lang` still needs a translation."""
        return self.get(lang) is None

    def is_empty(self) -> bool:
        """Tell whether neither side has text."""
        return self.ar is None and self.en is None


def _coerce_text(value: Any, info: ValidationInfo) -> Any:
    """Accept a plain string as text in the summary's language."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        lang = (info.context or {}).get("language")
        if lang not in LANGUAGES:
            raise ValueError("a plain string needs the summary's `language` (ar or en); write {ar: ..., en: ...}")
        return {lang: str(value)}
    return value


BiText = Annotated[Text, BeforeValidator(_coerce_text)]


class Source(_Strict):
    """Where the summary comes from."""

    title: BiText | None = None
    url: str | None = None
    published: dt.date | None = None
    publisher: BiText | None = None
    file: str | None = None
    origin: OriginMap


class Event(_Strict):
    """What happened, when and where."""

    type: EventType
    date: dt.date | None = None
    date_text: str | None = None
    place: BiText | None = None
    title: BiText | None = None
    origin: OriginMap


class Participant(_Strict):
    """A person (or organisation) present at the event."""

    id: str = Field(pattern=ID_PATTERN, max_length=MAX_ID)
    name: BiText
    title: BiText | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z][A-Z0-9]{1,7}$")
    side: Side = Side.other
    origin: OriginMap

    @field_validator("country", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value


class AgendaItem(_Strict):
    """A topic discussed, in the release's own wording."""

    topic: Topic | None = None
    label: BiText
    origin: OriginMap


class Position(_Strict):
    """A statement attributed to a participant or to both sides."""

    speaker: str
    stance: Stance
    text: BiText
    source: int | None = Field(default=None, ge=1)
    origin: OriginMap


class Due(_Strict):
    """When a follow-up is due."""

    date: dt.date | None = None
    text: BiText | None = None


class FollowUp(_Strict):
    """Something still to happen: a visit, an invitation, an agreement to sign."""

    kind: FollowUpKind
    who: str | None = None
    what: BiText
    status: FollowUpStatus = FollowUpStatus.proposed
    due: Due | None = None
    source: int | None = Field(default=None, ge=1)
    origin: OriginMap

    @property
    def is_open(self) -> bool:
        """Tell whether the follow-up is still to be done."""
        return self.status in OPEN_STATUSES


class Reviewed(_Strict):
    """Who checked the summary against its release, and when."""

    by: str = Field(min_length=1)
    on: dt.date


class Summary(_Strict):
    """One diplomatic event as told by one release (format 1)."""

    format: Literal[1]
    id: str | None = Field(default=None, pattern=ID_PATTERN, max_length=MAX_ID)
    language: Literal["ar", "en"]
    source: Source | None = None
    event: Event
    participants: list[Participant] = Field(min_length=1, max_length=MAX_ITEMS)
    agenda: list[AgendaItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    positions: list[Position] = Field(default_factory=list, max_length=2 * MAX_ITEMS)
    follow_ups: list[FollowUp] = Field(default_factory=list, max_length=MAX_ITEMS)
    context: list[BiText] = Field(default_factory=list, max_length=MAX_ITEMS)
    classification: str | None = None
    reference: str | None = None
    review: list[str] = Field(
        default_factory=list,
        max_length=2 * MAX_ITEMS,
        description="Fields a person should check (written by the extractor).",
    )
    reviewed: Reviewed | None = Field(default=None, description="set once a person has checked the summary")

    @model_validator(mode="after")
    def _check_references(self) -> Summary:
        ids = [p.id for p in self.participants]
        seen: set[str] = set()
        for index, pid in enumerate(ids):
            if pid in seen:
                raise _ref_error(("participants", index, "id"), f"participant id {pid!r} is used twice")
            seen.add(pid)
        allowed = seen | {"both"}
        for index, position in enumerate(self.positions):
            if position.speaker not in allowed:
                raise _ref_error(("positions", index, "speaker"), _unknown_ref(position.speaker, allowed))
        for index, follow_up in enumerate(self.follow_ups):
            if follow_up.who is not None and follow_up.who not in allowed:
                raise _ref_error(("follow_ups", index, "who"), _unknown_ref(follow_up.who, allowed))
        return self

    def participant(self, pid: str) -> Participant | None:
        """Return the participant with id `pid`."""
        return next((p for p in self.participants if p.id == pid), None)

    @property
    def note_id(self) -> str:
        """Return the summary's id, or one derived from date, countries and place."""
        return self.id or derive_id(self)


class ReferenceError_(ValueError):
    """A cross-reference inside a summary points nowhere (carries its location)."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


def _ref_error(loc: tuple[str | int, ...], message: str) -> ReferenceError_:
    return ReferenceError_(loc, message)


def _unknown_ref(value: str, allowed: set[str]) -> str:
    return f"{value!r} is not a participant id (allowed: {', '.join(sorted(allowed))})"


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug of `text` (empty when nothing is left)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40].strip("-")


def derive_id(summary: Summary) -> str:
    """Derive a stable note id from date, participants' countries and place."""
    parts = [summary.event.date.isoformat() if summary.event.date else "undated"]
    countries = []
    for participant in summary.participants:
        if participant.country and participant.country.lower() not in countries:
            countries.append(participant.country.lower())
    parts.extend(countries)
    place = summary.event.place
    if place is not None and place.en and (slug := slugify(place.en)):
        parts.append(slug)
    if len(parts) == 1:
        parts.extend(slugify(p.id) for p in summary.participants[:3])
    return "-".join(p for p in parts if p)[:MAX_ID].rstrip("-.")


def parse_summary(data: Any) -> Summary:
    """Validate plain data (from YAML or JSON) into a Summary."""
    language = data.get("language") if isinstance(data, dict) else None
    return Summary.model_validate(data, context={"language": language})


def summary_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of format 1."""
    schema = Summary.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefing summary, format 1"
    return schema
