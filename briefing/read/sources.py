"""Read releases from files and stdin: text in any common encoding, HTML, DOCX."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..base.errors import InputError
from ..base.optional import import_optional
from .dates import parse_iso
from .summaries import read_bytes

MAX_BYTES = 5 * 1024 * 1024
MAX_CHARS = 200_000  # characters of release text (a release is a few pages; ~60 pages of Arabic)
MAX_DOCX_PARTS = 2000
MAX_DOCX_UNPACKED = 25 * 1024 * 1024  # bytes of a .docx once unzipped
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
STDIN = "-"
TEXT_SUFFIXES = (".txt", ".md", ".text", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
RELEASE_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *DOCX_SUFFIXES)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_EN_WORDS = re.compile(r"\b(the|and|of|to|in|with|on|for|was|his|has|said|that)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MIN_ARTICLE = 40  # characters: less is a menu or a caption, not an article
_CANDIDATE_ENCODINGS = ["utf_8", "cp1256", "iso8859_6", "utf_16", "cp1252", "latin_1"]


@dataclass(frozen=True)
class Release:
    """One release as read: its text, name, language guess and date hint."""

    text: str
    name: str
    language: str  # "ar", "en" or "other"
    date_hint: dt.date | None = None  # the page's own published date (HTML meta), never a guess
    file: str | None = None
    title: str | None = None
    url: str | None = None
    metadata_date: dt.date | None = None  # a file name's or a document property's date: only ever shown for review
    metadata_from: str | None = None


def read_release(path: str | Path, *, limit: int = MAX_BYTES) -> Release:
    """Read a release file (.txt, .md, .html, .htm, .docx) or stdin (`-`)."""
    name = "stdin" if str(path) == STDIN else _readable(Path(path).stem)
    label = "<stdin>" if str(path) == STDIN else _readable(str(path))
    data = read_bytes(path, limit=limit, hint="a release is a few pages of text")
    suffix = "" if str(path) == STDIN else Path(path).suffix.lower()
    release = release_from_bytes(data, name=name, file=label, suffix=suffix)
    if release.metadata_date is None and (named := _date_in_name(name)) is not None:
        release = replace(release, metadata_date=named, metadata_from="the file name")
    return release


def _readable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _date_in_name(name: str) -> dt.date | None:
    """Return the date a file is named by (archives save releases as `2015-07-22-271.txt`)."""
    match = _ISO_DATE.search(name)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def release_from_bytes(data: bytes, *, name: str, file: str | None = None, suffix: str = "") -> Release:
    """Turn raw bytes into a Release, choosing the reader by suffix or content."""
    label = file or name
    if not data.strip():
        raise InputError("the release is empty", file=label)
    metadata_date, metadata_from = None, None
    date_hint: dt.date | None = None
    if suffix in DOCX_SUFFIXES or data[:4] == b"PK\x03\x04":
        text, metadata_date = _read_docx(data, label)
        metadata_from = "the document's creation date" if metadata_date else None
        title, url = None, None
    else:
        text = decode_text(data, label)
        if suffix in HTML_SUFFIXES or (suffix not in (".txt", ".md") and _looks_like_html(text)):
            text, title, date_hint, url = _read_html(text, label)
            if title and not text.startswith(title):
                text = f"{title}\n\n{text}"
        else:
            title, date_hint, url = None, None, None
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise InputError("the release has no text", file=label)
    if len(text) > MAX_CHARS:
        raise InputError(f"the release has {len(text):,} characters of text, over the {MAX_CHARS:,} limit", file=label,
                         hint="a release is a few pages of text")
    return Release(text=text, name=name, language=guess_language(text), date_hint=date_hint,
                   file=file, title=title, url=url, metadata_date=metadata_date, metadata_from=metadata_from)


def decode_text(data: bytes, label: str) -> str:
    """Decode text in UTF-8/16 (BOM or not), Windows-1256, ISO-8859-6 and the like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", label)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", label)
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        encoding = None
        if odd > len(head) // 40 and even <= odd // 20:
            encoding = "utf-16-le"
        elif even > len(head) // 40 and odd <= even // 20:
            encoding = "utf-16-be"
        if encoding and _plausible(text := _strict(data, encoding, label)):
            return text
        raise InputError("this is a binary file, not a text release", file=label,
                         hint="give a .txt, .md, .html or .docx file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None:
        raise InputError("cannot tell the text's encoding", file=label,
                         hint="save the release as UTF-8")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError("this looks like a binary file, not a text release", file=label)
    return text


def guess_language(text: str) -> str:
    """Guess `ar`, `en` or `other` from the letters and common English words."""
    sample = text[:20000]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic and arabic >= 0.3 * (arabic + latin):
        return "ar"
    words = max(1, len(re.findall(r"[A-Za-z]+", sample)))
    if latin and len(_EN_WORDS.findall(sample)) / words > 0.08:
        return "en"
    return "other"


def _strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"text is not valid {encoding.upper()}", file=label) from None


def _plausible(text: str) -> bool:
    """Most characters are Latin, Arabic, digits, spaces or punctuation: text, not bytes."""
    sample = text[:2048]
    good = sum(1 for c in sample if c < "\u0250" and (c.isprintable() or c in "\n\r\t")
               or "\u0600" <= c <= "\u06ff" or "\u2000" <= c <= "\u206f" or "\ufb50" <= c <= "\ufeff")
    return good >= 0.9 * len(sample)


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _read_html(html: str, label: str) -> tuple[str, str | None, dt.date | None, str | None]:
    """Main text, title, date and address of a saved news page (trafilatura)."""
    trafilatura = import_optional("trafilatura", "reading an HTML page")
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      with_metadata=True, favor_precision=True)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < _MIN_ARTICLE:
        raise InputError("no article text found in the HTML page", file=label,
                         hint="save the article page itself, or paste its text into a .txt file")
    title = getattr(doc, "title", None)
    url = getattr(doc, "url", None)
    # Only the page's own published-time markup: a date trafilatura guesses (a footer's copyright
    # year, a sidebar) is not the release's.
    return text, title, _html_date(html), url


def _html_date(html: str) -> dt.date | None:
    """The date of a <time datetime> element or a published-time meta tag."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types on odd pages
        return None
    queries = (
        "//meta[@property='article:published_time']/@content",
        "//meta[@name='date' or @name='pubdate' or @itemprop='datePublished']/@content",
        "//time/@datetime",
    )
    for query in queries:
        for value in tree.xpath(query):
            if found := _parse_iso(str(value)):
                return found
    return None


def _parse_iso(value: str | None) -> dt.date | None:
    """Return the first YYYY-MM-DD date written in `value` (a page's metadata), or None."""
    if not value or not (m := _ISO_DATE.search(value)):
        return None
    return parse_iso(m[0])


def _check_unpacked_size(data: bytes, label: str) -> None:
    """Refuse a .docx whose parts would unzip to more than MAX_DOCX_UNPACKED bytes (a zip bomb)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError("not a readable .docx file (the zip is damaged)", file=label) from None
    unpacked = sum(info.file_size for info in infos)
    if len(infos) > MAX_DOCX_PARTS or unpacked > MAX_DOCX_UNPACKED:
        raise InputError(f"the .docx unpacks to {unpacked / 1048576:.0f} MB in {len(infos)} parts, over the "
                         f"{MAX_DOCX_UNPACKED // 1048576} MB limit", file=label, hint="a release is a few pages of text")


def _read_docx(data: bytes, label: str) -> tuple[str, dt.date | None]:
    """Paragraph text and creation date of a Word document (the date is metadata, not the release's)."""
    import io

    import docx

    _check_unpacked_size(data, label)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - zipfile, lxml and python-docx raise many types
        raise InputError(f"not a readable .docx file ({exc.__class__.__name__})", file=label) from None
    text = "\n".join(p.text for p in document.paragraphs)
    created = document.core_properties.created
    return text, created.date() if isinstance(created, dt.datetime) else None
