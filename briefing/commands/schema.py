"""`briefing schema`: print the JSON Schema of the summary format."""

from __future__ import annotations

import typer


def schema() -> None:
    """Print the JSON Schema of summary format 1 (for editors that complete and check YAML)."""
    import json

    from ..summary.model import summary_json_schema

    typer.echo(json.dumps(summary_json_schema(), ensure_ascii=False, indent=2, sort_keys=True))


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(schema)
