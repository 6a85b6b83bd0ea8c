"""The digest lock: a second run waits for the first, or gives up with one line after --wait."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from briefing.base.lock import LockError, exclusive

HOLD = """
import sys, time
from pathlib import Path
from briefing.base.lock import exclusive
with exclusive(Path(sys.argv[1]), wait=0):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    proc.stdout.close()
    assert line == "held"
    return proc


def test_a_second_holder_gives_up_after_wait(tmp_path):
    lock = tmp_path / ".digest.lock"
    holder = _hold(lock, 5)
    try:
        started = time.monotonic()
        with pytest.raises(LockError, match="another briefing run") as caught:
            with exclusive(lock, wait=0.3):
                pass
        assert time.monotonic() - started >= 0.3
        assert caught.value.file == str(lock) and "--wait" in caught.value.hint
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_run_gets_the_lock_when_the_first_ends(tmp_path):
    lock = tmp_path / ".digest.lock"
    holder = _hold(lock, 0.5)
    with exclusive(lock, wait=30):
        assert holder.wait(timeout=5) == 0


def test_a_killed_holder_does_not_block_the_next_run(tmp_path):
    lock = tmp_path / ".digest.lock"
    holder = _hold(lock, 60)
    holder.kill()
    holder.wait()
    with exclusive(lock, wait=0):
        pass
    assert lock.exists()


def test_the_lock_is_reentrant_across_sequential_uses(tmp_path):
    lock = tmp_path / "sub" / ".x.lock"
    for _ in range(2):
        with exclusive(lock, wait=0):
            pass


def test_a_thread_holding_a_folder_takes_it_again_and_another_thread_still_waits(tmp_path):
    """A command locks its output folder and write_outputs locks it again: no wait on itself; other threads take turns."""
    import threading

    from briefing.base.errors import LockError

    outcome = []

    def other() -> None:
        try:
            with exclusive(tmp_path, wait=0):
                outcome.append("got it")
        except LockError:
            outcome.append("busy")

    with exclusive(tmp_path, wait=0):
        with exclusive(tmp_path, wait=0):
            thread = threading.Thread(target=other)
            thread.start()
            thread.join()
    assert outcome == ["busy"]
    with exclusive(tmp_path, wait=0):
        pass
    assert list(tmp_path.iterdir()) == []
