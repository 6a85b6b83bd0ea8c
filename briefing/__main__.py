"""Run `python -m briefing`."""

from .cli import main

main()
