"""Gather summaries for a document: load an input (extracting a release on the way in), packs and digests as data."""
