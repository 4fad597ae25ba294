"""What a run of the broker-cluster test counted: writes acknowledged, rows and events written, and
what each consumer applied (its inbox, and how many times its logs say it applied each event)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.integration.resilience.gateway_writes import GatewayWrites
from tests.integration.resilience.ledger import EVENT, Ledger

# What a consumer logs after committing a registration it applied (a repeat its inbox refused logs
# nothing), and the field naming what it applied.
APPLIED_MARKS = {
    "teams": ("household.learnt", "household_id"),
    "notifications": ("event.applied", "event_id"),
}


@dataclass(frozen=True)
class Timings:
    served_again: float  # from the kill to the first write sent after it being acknowledged
    ready_again: float  # from the kill to every process ready (its consumers reconnected)
    rejoined: float  # from the restart to the node being a live member of the queues again


@dataclass(frozen=True)
class Tally:
    stream: GatewayWrites
    ledger: Ledger
    applications: dict[str, Counter[str]]  # consumer -> times it applied each event (its logs)

    @property
    def acknowledged(self) -> set[str]:
        return {w.household_id for w in self.stream.acknowledged() if w.household_id}

    def lost_writes(self) -> set[str]:
        return self.acknowledged - self.ledger.households

    def unacknowledged_rows(self) -> set[str]:
        return self.ledger.households - self.acknowledged

    def applied_per_event(self, consumer: str) -> Counter[str]:
        """Times the consumer applied each committed event, by event id (0 for one it missed)."""
        counted = self.applications[consumer]
        if APPLIED_MARKS[consumer][1] == "household_id":
            counted = Counter({e: counted[h] for e, h in self.ledger.events.items()})
        return Counter({event: counted[event] for event in self.ledger.events})

    def summary(self, timings: Timings) -> str:
        stream, ledger = self.stream, self.ledger
        lines = [
            f"writes served again {timings.served_again:.2f} s after the kill; every process "
            f"ready again after {timings.ready_again:.2f} s; the node rejoined "
            f"{timings.rejoined:.1f} s after its restart",
            f"writes: sent {len(stream.writes)}, acknowledged {len(self.acknowledged)}, retried "
            f"{len(stream.retried())}, never acknowledged {len(stream.unacknowledged())}; "
            f"attempts by answer {dict(stream.outcomes())}",
            f"households rows {len(ledger.households)}: acknowledged without a row "
            f"{len(self.lost_writes())}, rows never acknowledged {len(self.unacknowledged_rows())}"
            f"; events committed {len(ledger.events)}, unpublished {ledger.unpublished}",
            *self._inbox_lines(),
            *self._log_lines(),
            f"read models: teams' known households {ledger.known_to_teams.total()}, "
            f"notifications filed {ledger.notified.total()}",
        ]
        return "\n".join(lines)

    def _inbox_lines(self) -> list[str]:
        committed = set(self.ledger.events)
        return [
            f"{handler} (inbox): applied {len(ids & committed)}, lost {len(committed - ids)}, "
            f"unknown {len(ids - committed)}"
            for handler, ids in self.ledger.applied.items()
        ]

    def _log_lines(self) -> list[str]:
        lines = []
        for consumer in APPLIED_MARKS:
            times = self.applied_per_event(consumer)
            lines.append(
                f"{consumer} (logs): applications {times.total()}, events applied once "
                f"{sum(n == 1 for n in times.values())}, twice or more "
                f"{sum(n > 1 for n in times.values())}, never {sum(n == 0 for n in times.values())}"
            )
        return lines


def applications(logs: Path) -> dict[str, Counter[str]]:
    """How many times each consumer applied each registration, from every replica's log."""
    applied: dict[str, Counter[str]] = {}
    for consumer, (mark, field) in APPLIED_MARKS.items():
        entries = [_json(line) for path in logs.glob(f"{consumer}-*.log") for line in _lines(path)]
        applied[consumer] = Counter(
            e[field] for e in entries if e.get("event") == mark and e.get("event_type") == EVENT
        )
    return applied


def _lines(path: Path) -> list[str]:
    return path.read_text(errors="replace").splitlines()


def _json(line: str) -> dict[str, Any]:
    try:
        entry = json.loads(line)
    except ValueError:
        return {}
    return entry if isinstance(entry, dict) else {}
