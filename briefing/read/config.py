"""Settings an organisation sets once, from `briefing.toml`; command-line options override them."""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..base.errors import ConfigError

CONFIG_NAME = "briefing.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisation(_Strict):
    """The organisation's name in both languages, and its logo."""

    ar: str | None = None
    en: str | None = None
    logo: Path | None = None


class FontFace(_Strict):
    """A font family: its regular and bold files."""

    family: str
    regular: Path
    bold: Path


class Fonts(_Strict):
    """The Arabic face and its Latin companion (defaults: the shipped Noto fonts)."""

    arabic: FontFace | None = None
    latin: FontFace | None = None


class Typography(_Strict):
    """Type choices: sizes per script (pt), Arabic digits, date style, justification."""

    latin_size: float = Field(default=10.0, ge=6, le=24)
    arabic_size: float = Field(default=12.5, ge=6, le=30)
    arabic_digits: Literal["arabic-indic", "western"] = "arabic-indic"
    date_style: Literal["gregorian", "hijri"] = "gregorian"
    justify: bool = False


class Config(_Strict):
    """Everything `briefing.toml` may hold."""

    organisation: Organisation = Field(default_factory=Organisation)
    classification: str | None = None
    layout: Literal["parallel", "stacked"] = "parallel"
    languages: tuple[Literal["ar", "en"], ...] = ("ar", "en")
    engine: Literal["typst", "weasyprint"] = "typst"  # lays out the PDF of packs and digests (notes: WeasyPrint)
    fonts: Fonts = Field(default_factory=Fonts)
    typography: Typography = Field(default_factory=Typography)
    templates: Path | None = None
    archive: str | None = None
    terms: tuple[Path, ...] = ()


def _resolve(config: Config, base: Path) -> Config:
    """Make relative paths in the config relative to the config file's folder."""

    def fix(p: Path | None) -> Path | None:
        return p if p is None or p.is_absolute() else base / p

    org = config.organisation.model_copy(update={"logo": fix(config.organisation.logo)})
    faces = {}
    for key in ("arabic", "latin"):
        face = getattr(config.fonts, key)
        faces[key] = face and face.model_copy(update={"regular": fix(face.regular), "bold": fix(face.bold)})
    archive = config.archive
    if archive and "://" not in archive:
        archive = str(fix(Path(archive)))
    return config.model_copy(
        update={
            "organisation": org,
            "fonts": Fonts(**faces),
            "templates": fix(config.templates),
            "archive": archive,
            "terms": tuple(fix(p) for p in config.terms),
        }
    )


def user_config_path() -> Path:
    """Return the per-user settings file: $XDG_CONFIG_HOME/briefing/briefing.toml (~/.config/...)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "briefing" / CONFIG_NAME


def load_config(path: Path | None = None, *, cwd: Path | None = None) -> Config:
    """Load `path`, else `briefing.toml` in the working folder, else the per-user file, else the defaults."""
    if path is None:
        candidates = ((cwd or Path.cwd()) / CONFIG_NAME, user_config_path())
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            return Config()
    elif not path.is_file():
        raise ConfigError("no such file", file=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("text is not UTF-8", file=path) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(f"TOML does not parse: {getattr(exc, 'msg', exc)}", file=path, line=line) from None
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = ".".join(str(k) for k in error["loc"])
        message, hint = error["msg"], None
        if error["type"] == "extra_forbidden":
            message = f"unknown key {error['loc'][-1]!r}"
            close = difflib.get_close_matches(str(error["loc"][-1]), _known_keys(error["loc"][:-1]), n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
        raise ConfigError(message, file=path, line=_line_of(path, str(error["loc"][-1])), field=loc, hint=hint) from None
    return _resolve(config, path.parent)


def _known_keys(loc: tuple) -> list[str]:
    model: type[BaseModel] = Config
    for key in loc:
        field = model.model_fields.get(str(key))
        annotation = getattr(field, "annotation", None)
        candidates = [a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type)]
        inner = next((a for a in candidates if issubclass(a, BaseModel)), None)
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def _line_of(path: Path, key: str) -> int | None:
    """Return the first line where `key` is set (TOML parsers give no positions)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(f"{key} ") or stripped.startswith(f"{key}=") or stripped == f"[{key}]" or stripped.endswith(f".{key}]"):
            return number
    return None
