"""Bilingual (Arabic/English) diplomatic briefing notes."""

__version__ = "0.1.0"
