"""CPU time per request, per process: where a benchmark's work goes, from /proc (Linux).

A throughput figure says how fast; this says which process pays for each request (the gateway,
each service), which is what a profile of a multi-process system has to show first.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


class CpuMeter:
    """Measures the CPU each named process spends between `start` and `per_request`."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.before: dict[str, float] = {}

    def start(self) -> None:
        self.before = {name: cpu_seconds(pid) for name, pid in self.pids.items()}

    def per_request(self, requests: int) -> dict[str, float]:
        """Milliseconds of CPU per request in each process since `start`."""
        spent = {name: cpu_seconds(pid) - self.before[name] for name, pid in self.pids.items()}
        return {name: 1000 * seconds / max(requests, 1) for name, seconds in spent.items()}


def pids_named(command: str) -> list[int]:
    """Every running process whose command name is `command` (e.g. all PostgreSQL backends)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == command:
                    pids.append(int(entry.name))
            except OSError:  # gone meanwhile
                continue
    return pids


class GroupCpuMeter:
    """CPU seconds spent by groups of processes found by command name (`postgres`, `beam.smp`),
    and by this process, between `start` and `spent`. Processes that start meanwhile count in
    full; ones that end meanwhile are missed."""

    def __init__(self, commands: list[str]) -> None:
        self.commands = commands
        self.before: dict[str, dict[int, float]] = {}

    def start(self) -> None:
        self.before = {command: self._snapshot(command) for command in self.commands}
        self.before["this process"] = {os.getpid(): _own_cpu()}

    def spent(self) -> dict[str, float]:
        now = {command: self._snapshot(command) for command in self.commands}
        now["this process"] = {os.getpid(): _own_cpu()}
        return {
            group: sum(cpu - self.before[group].get(pid, 0.0) for pid, cpu in pids.items())
            for group, pids in now.items()
        }

    @staticmethod
    def _snapshot(command: str) -> dict[int, float]:
        found = {}
        for pid in pids_named(command):
            try:
                found[pid] = cpu_seconds(pid)
            except OSError:
                continue
        return found


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def loop_probe_seconds(iterations: int = 10_000_000) -> float:
    """Seconds this machine takes for a plain Python loop: how fast its cores are right now
    (virtual machines vary with their host), so figures from different runs can be compared."""
    began, total = time.perf_counter(), 0
    for number in range(iterations):
        total += number
    return time.perf_counter() - began
