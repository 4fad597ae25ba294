"""Thai national IDs: one canonical form (13 ASCII digits) for every service that stores one.

People type IDs as `1101700230708`, `1-1017-00230-70-8` or `1 1017 00230 70 8`; all are one
person, so only the 13 digits are kept. Any other character (Thai or fullwidth digits included)
is refused rather than guessed at: an ID read wrongly would be a different person.
"""

from __future__ import annotations

import re
from operator import mul

# ASCII digits, with single spaces or dashes between them; ASCII spaces around are dropped.
_SPELLING = re.compile(r" *[0-9]+(?:[ -][0-9]+)* *")
_SEPARATORS = str.maketrans("", "", " -")
_WEIGHTS = tuple(range(13, 1, -1))
_ZEROS = 48 * sum(_WEIGHTS)  # the weighted sum of twelve ASCII "0" characters


def canonical_national_id(given: str) -> str | None:
    """The 13-digit form of a spelling of an ID (not yet checked), or None if it has characters
    other than ASCII digits with spaces or dashes between them."""
    if len(given) > 40 or not _SPELLING.fullmatch(given):
        return None
    return given.translate(_SEPARATORS)


def national_id_problem(value: str) -> str | None:
    """Why the canonical `value` is not a valid national ID, or None: 13 ASCII digits, not
    starting with 0 or 9, with a matching mod-11 check digit. Never repeats the value."""
    if len(value) != 13 or not value.isascii() or not value.isdigit():
        return "must be 13 digits"
    if value[0] in "09":
        return "must not start with 0 or 9"
    total = sum(map(mul, _WEIGHTS, value[:12].encode())) - _ZEROS
    if (11 - total % 11) % 10 != ord(value[12]) - 48:
        return "check digit does not match"
    return None


def repaired_national_id(stored: str) -> str | None:
    """The canonical form of a value stored before IDs were made canonical (any Unicode decimal
    digits, spaces, dashes), or None if it does not come out as a valid ID."""
    kept = [c for c in stored if not (c.isspace() or c in "-\u2010\u2011\u2012\u2013\u2212")]
    if not all(c.isdecimal() for c in kept):
        return None
    canonical = "".join(str(int(c)) for c in kept)
    return None if national_id_problem(canonical) else canonical
