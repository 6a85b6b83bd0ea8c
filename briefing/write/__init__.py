"""Produce the outputs a command writes: a note's formats from an input, and summaries changed in place."""
