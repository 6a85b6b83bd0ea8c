"""One module per sub-command; each exposes `register(app)` and keeps heavy imports inside functions."""
