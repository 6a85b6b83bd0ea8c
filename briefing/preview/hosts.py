"""Which Host headers the preview answers (against DNS rebinding), and how many connections it holds."""

from __future__ import annotations

from collections.abc import Iterable

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})
MAX_CONNECTIONS = 32  # open at once; more are closed at once (idle and slow clients cannot pile up threads)
IDLE_SECONDS = 20.0  # a connection that sends nothing for this long is closed


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Return the names a request's Host may carry: loopback, the address listened on (unless a wildcard), `extra`."""
    names = set(LOOPBACK_NAMES)
    bound = host.strip().lower()
    if bound not in ("", "0.0.0.0", "::", "[::]"):
        names.add(f"[{bound}]" if ":" in bound and not bound.startswith("[") else bound)
    names.update(name.strip().lower() for name in extra if name.strip())
    return frozenset(names)


def host_allowed(header: str | None, allowed: frozenset[str]) -> bool:
    """Tell whether a Host header (name or address, with or without a port) is one of `allowed`."""
    host = (header or "").strip().lower()
    name = host if host.endswith("]") or host.count(":") > 1 else host.rsplit(":", 1)[0]
    if name.startswith("[") and "]:" in name:
        name = name.split("]:", 1)[0] + "]"
    return bool(name) and name in allowed
