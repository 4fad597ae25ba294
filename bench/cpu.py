"""CPU time per request, per process: where a benchmark's work goes, from /proc (Linux).

A throughput figure says how fast; this says which process pays for each request (the gateway,
each service), which is what a profile of a multi-process system has to show first.
"""

from __future__ import annotations

import os
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
