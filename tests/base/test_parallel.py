"""Rendering in a process pool: results in item order, our errors intact, one item stays in-process."""

from __future__ import annotations

import os

import pytest

from briefing.base.errors import InputError
from briefing.base.parallel import map_ordered


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def fail_on_three(n: int) -> int:
    if n == 3:
        raise InputError("three is bad", file="three.yaml", line=3, hint="use four")
    return n


def test_results_keep_the_items_order_across_workers():
    results = map_ordered(square_and_pid, list(range(12)), workers=2)
    assert [r for r, _ in results] == [n * n for n in range(12)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_item_or_one_worker_runs_here():
    assert map_ordered(square_and_pid, [5], workers=4) == [(25, os.getpid())]
    assert {pid for _, pid in map_ordered(square_and_pid, [1, 2, 3], workers=1)} == {os.getpid()}
    assert map_ordered(square_and_pid, [], workers=2) == []


def test_an_error_in_a_worker_comes_back_with_its_file_line_and_hint():
    with pytest.raises(InputError) as caught:
        map_ordered(fail_on_three, [1, 2, 3, 4, 5], workers=2)
    assert str(caught.value) == "Bad input: three.yaml:3: three is bad (use four)"


def test_progress_advances_once_per_item():
    ticks = []
    map_ordered(square_and_pid, list(range(7)), workers=2, advance=lambda: ticks.append(1))
    assert len(ticks) == 7
