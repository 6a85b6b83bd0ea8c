"""`briefing translate`: hand pending translations to a CAT tool as XLIFF 1.2, and take them back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._options import TmOption
from .archive import ArchiveOption, ConfigOption

translate_app = typer.Typer(
    help="Export pending translations as XLIFF 1.2 (with a TMX and a TBX glossary) and import them back.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TermsOption = Annotated[list[Path] | None, typer.Option(
    "--terms", help="Extra term file (TSV), after briefing.toml's `terms`; may be given more than once.")]


@translate_app.command("export")
def export(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Summaries or folders of summaries; none with --from-archive.")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The XLIFF 1.2 file to write (a .tbx glossary is written beside it).")] = Path("translations.xlf"),
    tmx: Annotated[Path | None, typer.Option("--tmx", help="Also write the translation memory as TMX 1.4 to this file.")] = None,
    tm: TmOption = None,
    tm_archive: Annotated[bool, typer.Option("--tm-archive", help="Add the archive's accepted summaries to the translation memory.")] = False,
    from_archive: Annotated[bool, typer.Option("--from-archive", help="Export the archive's events (filtered by --since, --until).")] = False,
    since: Annotated[str | None, typer.Option("--since", help="With --from-archive: events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="With --from-archive: events on or before this date (YYYY-MM-DD).")] = None,
    copy_source: Annotated[bool, typer.Option("--copy-source", help="Put the source text in each <target> (for OmegaT's built-in XLIFF filter).")] = False,
    terms: TermsOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output files if they exist.")] = False,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Write one XLIFF unit per pending side, with notes, TM matches as alternatives and a TBX glossary."""
    from ..base.errors import ConfigError, InputError
    from ..base.io import check_writable, write_outputs
    from ..translate.exchange import export_units, glossary
    from ..translate.xliff import build_tbx, build_tmx, build_xliff

    if from_archive == bool(inputs):
        raise ConfigError("give summaries or --from-archive (one of the two)", field="--from-archive")
    if not from_archive and (since or until):
        raise ConfigError("--since and --until only filter --from-archive", field="--since" if since else "--until")
    outputs = [output, output.with_suffix(".tbx"), *([tmx] if tmx else [])]
    check_writable(outputs, force=force)
    term_base = _terms(config, terms)
    if from_archive:
        items = _archive_items(archive, config, since, until)
    else:
        from ..translate.files import collect, read_files

        items = [(f.label, f.summary) for f in read_files(collect(inputs or []))]
    memory = _memory(tm or [], tm_archive, archive, config, term_base)
    units = export_units(items, memory=memory)
    if not any(f.units for f in units):
        raise InputError("no side is pending translation in these summaries")
    files = {output: build_xliff(units, copy_source=copy_source), output.with_suffix(".tbx"): build_tbx(glossary(items, term_base))}
    if tmx:
        files[tmx] = build_tmx([(s.ar, s.en, s.origin) for s in memory.segments])
    write_outputs(files, force=force)
    count = sum(len(f.units) for f in units)
    typer.echo(f"{output}: {count} unit(s) from {len(items)} summary(ies); glossary {output.with_suffix('.tbx')}"
               + (f"; TM {tmx} ({len(memory)} segment(s))" if tmx else ""), err=True)


@translate_app.command("import")
def import_(
    xliff: Annotated[Path, typer.Argument(help="The XLIFF file back from the translator.")],
) -> None:
    """Write the translations back into the summaries (comments and order kept); refuse a file that does not match."""
    from ..base.errors import InputError
    from ..read.summaries import read_bytes
    from ..translate.exchange import apply_translations, check_import
    from ..translate.files import read_file, write_all
    from ..translate.xliff import parse_xliff

    name = str(xliff)
    files = parse_xliff(read_bytes(xliff), name)
    if not files:
        raise InputError("the file has no <file> element", file=name)

    def load(original: str):  # noqa: ANN202
        if original.startswith("archive:"):
            raise InputError(f"{original}: units exported from the archive cannot be imported into it yet", file=name,
                             hint="export summary files instead")
        path = Path(original)
        if not path.exists() and (xliff.parent / original).exists():
            path = xliff.parent / original
        if not path.exists():
            raise InputError(f"the summary {original!r} named in the file is not there", file=name)
        return read_file(path)

    summaries, todo, empty = check_import(files, name, load)
    changed = apply_translations(summaries, todo, f"xliff: {xliff.name}")
    write_all(changed)
    typer.echo(f"{name}: wrote {len(todo)} translation(s) into {len(changed)} summary(ies)"
               + (f"; {empty} unit(s) still untranslated" if empty else ""), err=True)


def _terms(config: Path | None, extra: list[Path] | None):  # noqa: ANN202
    from ..read.config import load_config
    from ..terms import load_terms

    return load_terms([*load_config(config).terms, *(extra or [])])


def _memory(paths: list[Path], use_archive: bool, archive: str | None, config: Path | None, terms):  # noqa: ANN001, ANN202
    """Build the TM from accepted summaries in files or folders, and from the archive when asked."""
    from ..translate import build_memory
    from ..translate.files import collect, read_files

    items = [(f.path.name, f.summary) for f in read_files(collect(paths))]
    if use_archive:
        items += _archive_items(archive, config, None, None)
    return build_memory(items, terms)


def _archive_items(archive: str | None, config: Path | None, since: str | None, until: str | None):  # noqa: ANN202
    """Return (label, summary) for every source of the archive's events in the date range."""
    from ._options import open_from_options, parse_date

    with open_from_options(archive, config, create=False) as store:
        events = store.events(since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    return [(f"archive:event/{e.id}/source/{s.id}", s.summary) for e in events for s in e.sources]


def register(app: typer.Typer) -> None:
    """Add the `translate` command group to the app."""
    app.add_typer(translate_app, name="translate")
