"""Render summaries to HTML, PDF and DOCX."""
