"""`briefing preview` as a user runs it: the URL, Ctrl-C, a busy port, bad input."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from support import ROOT, run_cli


def start(*args: str) -> tuple[subprocess.Popen, str]:
    """Start `briefing preview ARGS --port 0` and return the process and the URL it prints."""
    process = subprocess.Popen([sys.executable, "-m", "briefing", "preview", *args, "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert " at http://127.0.0.1:" in line, (line, process.stderr.read() if process.poll() is not None else "")
    return process, line.split(" at ")[1].split()[0]


def test_ctrl_c_stops_it_cleanly(summary_file: Path):
    process, url = start(str(summary_file))
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200 and b"Emomali Rahmon" in response.read()
        events = urllib.request.urlopen(url + "events", timeout=30)  # an open event stream must not hold it up
        assert events.readline() == b"retry: 1000\n"
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)
        events.close()
    finally:
        process.kill() if process.poll() is None else None
    assert process.returncode == 0
    assert err.strip() == "briefing: preview stopped"


def test_a_port_in_use_is_one_line_and_exit_1(summary_file: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("preview", str(summary_file), "--port", str(port))
    err = result.stderr.decode("utf-8").strip()
    assert result.returncode == 1
    assert err == (f"briefing: Error: cannot listen on 127.0.0.1:{port}: the port is in use "
                   "(choose another with --port, or --port 0 for any free port)")


def test_a_missing_input_or_config_is_exit_2(tmp_path: Path, summary_file: Path):
    result = run_cli("preview", str(tmp_path / "nothing.yaml"), "--port", "0")
    assert result.returncode == 2 and result.stderr.decode("utf-8").count("\n") == 1
    assert "nothing.yaml: no such file or folder" in result.stderr.decode("utf-8")
    result = run_cli("preview", str(summary_file), "--port", "0", "--config", str(tmp_path / "none.toml"))
    assert result.returncode == 2 and "none.toml: no such file" in result.stderr.decode("utf-8")
    result = run_cli("preview", str(summary_file), "--port", "0", "--template", str(tmp_path / "no-theme"))
    assert result.returncode == 2 and "template folder does not exist" in result.stderr.decode("utf-8")


def test_an_invalid_summary_at_start_still_serves_its_error(tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nlanguage: xx\n", encoding="utf-8")
    process, url = start(str(broken))
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        assert f"Invalid summary: {broken}:2" in page
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
    assert process.returncode == 0


def test_help_names_every_option():
    result = run_cli("preview", "--help")
    text = result.stdout.decode("utf-8")
    assert result.returncode == 0
    for option in ("--port", "--host", "--open", "--template", "--config"):
        assert option in text
