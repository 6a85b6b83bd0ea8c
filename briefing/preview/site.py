"""The preview's state: its entries, the last render of each, and a version that changes with them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..base.errors import BriefingError, InputError
from ..render.options import RenderOptions
from ..summary.model import Summary
from .choices import Choice
from .downloads import DownloadWorker, render_note_download, render_pack_download
from .entries import Entry, Failure, Settings, Shown
from .packs import left_out, pack_summaries, render_pack
from .watched import ENTRY_SUFFIXES, Watched, find_watched

RECENT_VIEWS = 4  # (entry, choice) pairs kept rendered ahead of requests
PACK = "\0pack"  # the key of the folder's pack among the recent views


class Site:
    """Everything the server shows, re-rendered off the request path when the inputs change."""

    def __init__(self, target: Path, *, config: Path | None = None, template: Path | None = None,
                 cwd: Path | None = None, log: Callable[[str], None] | None = None,
                 date: dt.date | None = None, terms: tuple[Path, ...] = (), tm: tuple[Path, ...] = ()) -> None:
        if not target.exists():
            raise InputError("no such file or folder", file=target)
        self.target = target
        self.is_folder = target.is_dir()
        self._config, self._template, self._cwd = config, template, cwd or Path.cwd()
        self._date, self._terms = date, terms  # for releases: --date and --terms
        self._tm = tm  # --tm: accepted summaries whose translations the editor suggests
        self._memory: Any = None
        self._log = log or (lambda message: None)
        self._changed = threading.Condition()
        self._render = threading.RLock()
        self._settings = Settings(None)
        self._entries: dict[str, Entry] = {}
        self._recent: list[tuple[str, Choice]] = []
        self._pack: dict[Choice, str | Failure] = {}
        self._downloads = DownloadWorker()  # PDF and DOCX laid out in a process of their own (see downloads.py)
        self._instance, self._count = secrets.token_hex(4), 0
        self.token = secrets.token_urlsafe(32)  # the editor's writes carry it: a page of another site cannot know it
        self.closed = False

    @property
    def version(self) -> str:
        """Return a token that changes whenever anything shown changes."""
        return f"{self._instance}-{self._count}"

    def memory(self) -> Any:
        """The translation memory from --tm (built on first use), or None."""
        if not self._tm:
            return None
        if self._memory is None:
            from ..terms import load_terms
            from ..translate import build_memory
            from ..translate.files import collect, read_files

            files = read_files(collect(list(self._tm)))
            self._memory = build_memory([(f.path.name, f.summary) for f in files], load_terms(self._settings.terms))
        return self._memory

    @property
    def settings(self) -> Settings:
        """Return the settings in force."""
        return self._settings

    def default_choice(self) -> Choice:
        """Return the layout and languages the config asks for."""
        options = self._settings.options or RenderOptions()
        return Choice(options.layout, tuple(options.languages))

    def watched(self) -> Watched:
        """Return the files and folders whose changes matter now."""
        return find_watched(self.target, self._settings.options, self._config_file(), self._settings.terms)

    def _config_file(self) -> Path:
        from ..read.config import CONFIG_NAME

        return self._config if self._config is not None else self._cwd / CONFIG_NAME

    def start(self) -> None:
        """Load everything once; raise if the command line itself is wrong."""
        from ..read.config import load_config
        from ..write.notes import make_options

        make_options(load_config(self._config, cwd=self._cwd), template=self._template).template_path()
        self.refresh()

    def refresh(self, changed: Iterable[Path] | None = None) -> bool:
        """Reload and re-render what `changed` affects (everything when None); say if anything moved."""
        with self._render:
            paths = {p.resolve() for p in changed} if changed is not None else None
            old_settings, old_entries = self._settings, self._entries
            scope = self.watched().classify(paths)
            if scope.render:
                _forget_caches()
                self._downloads.restart()
            if scope.settings:
                self._settings = self._load_settings()
            found = self._discover()
            entries = {}
            for name, path in found.items():
                entry = old_entries.get(name)
                if entry is None or scope.settings or path.resolve() in (paths or ()):
                    entry = self._load(name, path)
                elif scope.render:
                    entry = dataclasses.replace(entry, pages={})
                entries[name] = entry
            entries = {name: self._render_recent(entry) for name, entry in entries.items()}
            moved = entries != old_entries or self._settings != old_settings
            pack = {} if moved or scope.render else self._pack
            pack = self._render_pack_ahead(entries, pack)
            with self._changed:
                self._entries, self._pack = entries, pack
                if moved:
                    self._count += 1
                    self._changed.notify_all()
            if moved:
                self._report(paths)
            return moved

    def _report(self, paths: set[Path] | None) -> None:
        problems = [self._settings.error] if self._settings.error else []
        for entry in self._entries.values():
            problems += [entry.error] if entry.error else [p.message for p in entry.pages.values() if isinstance(p, Failure)]
        problems = list(dict.fromkeys(problems))
        if paths is not None:
            self._log("re-rendered" + (f": {len(problems)} problem(s)" if problems else ""))
        for problem in problems:
            self._log(f"briefing: {problem}")

    def _load_settings(self) -> Settings:
        from ..read.config import load_config
        from ..write.notes import make_options

        try:
            config = load_config(self._config, cwd=self._cwd)
            return Settings(make_options(config, template=self._template), (*config.terms, *self._terms))
        except BriefingError as error:
            return Settings(None, error=str(error))

    def _discover(self) -> dict[str, Path]:
        if not self.is_folder:
            return {self.target.name: self.target}
        try:
            files = sorted(self.target.iterdir())
        except OSError:
            return {}
        return {p.name: p for p in files if p.suffix.lower() in ENTRY_SUFFIXES and not p.name.startswith(".") and p.is_file()}

    def _load(self, name: str, path: Path) -> Entry:
        from ..assemble.loading import load_input

        if self._settings.error:
            return Entry(name, path, error=self._settings.error)
        try:
            return Entry(name, path, loaded=load_input(path, terms=self._settings.terms, date=self._date))
        except BriefingError as error:
            return Entry(name, path, error=str(error))
        except Exception as exc:  # noqa: BLE001 (a bug must not stop the server: show it, keep serving)
            return Entry(name, path, error=f"Internal error: {path}: {type(exc).__name__}: {exc}")

    def _render_recent(self, entry: Entry) -> Entry:
        wanted = [c for n, c in self._recent if n == entry.name]
        if not self.is_folder:
            wanted.append(self.default_choice())
        missing = [c for c in dict.fromkeys(wanted) if c not in entry.pages]
        if not missing or entry.loaded is None:
            return entry
        return dataclasses.replace(entry, pages={**entry.pages, **{c: self._render_note(entry, c) for c in missing}})

    def _render_note(self, entry: Entry, choice: Choice) -> str | Failure:
        from ..write.notes import render_note

        assert entry.loaded is not None and self._settings.options is not None
        options = dataclasses.replace(self._settings.options, layout=choice.layout, languages=choice.languages)
        try:
            return render_note(entry.loaded.summary, options, ["html"])["html"].decode("utf-8")
        except BriefingError as error:
            return Failure(str(error))
        except Exception as exc:  # noqa: BLE001 (shown on the page; the server keeps running)
            return Failure(f"Internal error: {entry.path}: {type(exc).__name__}: {exc}")

    def _render_pack_ahead(self, entries: dict[str, Entry], pack: dict[Choice, str | Failure]) -> dict[Choice, str | Failure]:
        wanted = [c for n, c in self._recent if n == PACK and c not in pack]
        if not wanted:
            return pack
        return {**pack, **{c: self._render_pack_page(list(entries.values()), c) for c in wanted}}

    def _render_pack_page(self, entries: list[Entry], choice: Choice) -> str | Failure:
        if self._settings.options is None:
            return Failure(self._settings.error or "no settings")
        options = dataclasses.replace(self._settings.options, layout=choice.layout, languages=choice.languages)
        try:
            return render_pack(entries, options, "html").decode("utf-8")
        except BriefingError as error:
            return Failure(str(error))
        except Exception as exc:  # noqa: BLE001 (shown on the page; the server keeps running)
            return Failure(f"Internal error: {self.target}: {type(exc).__name__}: {exc}")

    def show_pack(self, choice: Choice) -> Shown:
        """Return the folder as one pack, for `choice` (rendered now if never asked before)."""
        with self._render:
            with self._changed:
                self._remember(PACK, choice)
                entries, pack = list(self._entries.values()), self._pack
            if choice not in pack:
                pack = self._render_pack_ahead(self._entries, pack)
            with self._changed:
                self._pack = pack
                page = pack.get(choice) or Failure("the pack is not rendered yet")
                warnings = tuple(left_out(entries))
                if isinstance(page, Failure):
                    return Shown(None, page.message, self.version, warnings)
                return Shown(page, None, self.version, warnings)

    def render_pack_download(self, choice: Choice, fmt: str) -> tuple[str, bytes]:
        """Render the folder's pack as a PDF or DOCX on demand, in the download worker: (file name, bytes)."""
        with self._changed:
            entries, options = list(self._entries.values()), self._settings.options
        if options is None:
            raise InputError(self._settings.error or "no settings")
        options = dataclasses.replace(options, layout=choice.layout, languages=choice.languages)
        return f"pack.{fmt}", self._downloads.render(render_pack_download, (pack_summaries(entries), options, fmt))

    def entry(self, name: str) -> Entry | None:
        """Return the entry called `name`, if the preview shows one."""
        with self._changed:
            return self._entries.get(name)

    def entries(self) -> tuple[list[Entry], str]:
        """Return the entries in name order and the version they belong to."""
        with self._changed:
            return list(self._entries.values()), self.version

    def show(self, name: str, choice: Choice) -> Shown | None:
        """Return what the page of `name` shows for `choice` (rendered now if never asked before)."""
        with self._changed:
            entry = self._entries.get(name)
            if entry is None:
                return None
            self._remember(name, choice)
            if entry.loaded is None or choice in entry.pages:
                return _shown(entry, choice, self.version)
        with self._render:
            with self._changed:
                entry = self._entries.get(name)
            if entry is None:
                return None
            entry = self._render_recent(entry)
            with self._changed:
                if self._entries.get(name) is not None:
                    self._entries[name] = entry
                return _shown(entry, choice, self.version)

    def _remember(self, name: str, choice: Choice) -> None:
        key = (name, choice)
        if key in self._recent:
            self._recent.remove(key)
        self._recent = [key, *self._recent][:RECENT_VIEWS]

    def render_download(self, name: str, choice: Choice, fmt: str) -> tuple[str, bytes]:
        """Render the PDF or DOCX of an entry on demand, in the download worker: (file name, bytes)."""
        with self._changed:
            entry = self._entries.get(name)
            options = self._settings.options
        if entry is None:
            raise KeyError(name)
        if entry.loaded is None or options is None:
            raise InputError(entry.error or self._settings.error or "nothing to render")
        options = dataclasses.replace(options, layout=choice.layout, languages=choice.languages)
        data = self._downloads.render(render_note_download, (entry.loaded.summary, options, fmt))
        return f"{entry.loaded.summary.note_id}.{fmt}", data

    def wait(self, seen: str | None, timeout: float) -> str:
        """Block until the version differs from `seen` (or `timeout` passes, or the site closes)."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.version != seen, timeout=timeout)
            return self.version

    def close(self) -> None:
        """Wake every waiting event stream so it can end, and end the download worker."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()
        self._downloads.close()


def _shown(entry: Entry, choice: Choice, version: str) -> Shown:
    page = entry.pages.get(choice)
    warnings = (*entry.loaded.warnings, *_review_state(entry.loaded.summary)) if entry.loaded else ()
    if entry.loaded is None or page is None:
        return Shown(None, entry.error or "the note is not rendered yet", version)
    if isinstance(page, Failure):
        return Shown(None, page.message, version, warnings)
    return Shown(page, None, version, warnings)


def _review_state(summary: Summary) -> tuple[str, ...]:
    """Say that a note is a draft, and how much is left to check, above it."""
    from ..summary.review import is_draft, open_items

    if not is_draft(summary):
        return ()
    count = len(open_items(summary))
    return (f"draft: no person has marked this summary reviewed; {count} item{'s' if count != 1 else ''} to check",)


def _forget_caches() -> None:
    """Drop what other modules cache from files (fonts, term base) so edits to them show."""
    for module, names in (("briefing.render.fonts", ("font_bytes", "cmap")),
                          ("briefing.extract.vocab", ("default_lexicon",))):
        loaded = sys.modules.get(module)
        for name in names:
            clear = getattr(getattr(loaded, name, None), "cache_clear", None)
            if clear is not None:
                clear()
    terms = sys.modules.get("briefing.terms")
    if terms is not None:
        terms.clear_caches()
