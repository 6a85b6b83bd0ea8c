"""Read the inputs: releases (any encoding, HTML, DOCX), summaries with line numbers, dates in text, the settings file."""
