"""How near two villages are; area codes are checked in infra.areas."""

from __future__ import annotations


def closeness(village_code: str, other: str) -> int:
    """3: the same village, 2: the same tambon, 1: the same district, 0: farther."""
    for level, length in ((3, 8), (2, 6), (1, 4)):
        if village_code[:length] == other[:length]:
            return level
    return 0
