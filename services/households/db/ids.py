"""Time-ordered UUIDs (RFC 9562 version 7) for rows written in bulk.

Random (version 4) keys land all over a B-tree, so every insert of a large import touches a
different index page; version 7 keys start with the time in milliseconds and a counter, so a
batch's keys are adjacent and its inserts append to the right edge of the primary-key index and
of the indexes that lead with a household id. They stay UUIDs for every consumer.
"""

from __future__ import annotations

import random
import time

RANDOM_BITS = 62
COUNTER_LIMIT = 1 << 12


def time_ordered_ids(count: int) -> list[str]:
    """`count` version-7 UUIDs in ascending order (a 12-bit counter per millisecond)."""
    ids: list[str] = []
    while len(ids) < count:
        millis = int(time.time() * 1000)
        step = min(count - len(ids), COUNTER_LIMIT)
        head = (millis << 80) | (0x7 << 76) | (0b10 << RANDOM_BITS)
        for counter in range(step):
            ids.append(_formatted(head | (counter << 64) | random.getrandbits(RANDOM_BITS)))
        while int(time.time() * 1000) == millis and len(ids) < count:
            time.sleep(0)  # the next millisecond starts a fresh counter
    return ids


def _formatted(value: int) -> str:
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
