"""Workers of `pack` end with their parent, even when the parent is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bounded import ROOT, summary


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir() or (os.cpu_count() or 1) < 2, reason="needs Linux /proc and two cores")
def test_pack_workers_do_not_outlive_a_killed_parent(tmp_path: Path) -> None:
    inputs = []
    for number in range(8):
        path = tmp_path / f"s{number}.yaml"
        path.write_text(summary(f"Meeting {number}", id=f"n{number}"))
        inputs.append(str(path))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-m", "briefing", "pack", *inputs, "-o", "pack.pdf"], cwd=tmp_path,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and parent.poll() is None:
        workers = [pid for pid in _children(parent.pid) if _alive(pid)]
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    if len(workers) < 2:
        parent.kill()
        parent.wait()
        pytest.skip("the pack finished before its workers could be seen")
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
    assert not (tmp_path / "pack.pdf").exists()
