"""What must never be in a log: a national ID (any run of 13 digits standing on its own that has
the ID's check digit; hex tokens such as request ids are not numbers standing on their own) or a
known secret (a password, the token key). Found text is reported masked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from infra.national_id import national_id_problem

THIRTEEN_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{13}(?![0-9A-Za-z])")


def leaks_in(text: str, secrets: Iterable[str] = ()) -> list[str]:
    """Each national ID and secret found in `text`, masked (`1234…` and the secret's length)."""
    found = [
        f"national ID {match[:4]}…"
        for match in THIRTEEN_DIGITS.findall(text)
        if national_id_problem(match) is None
    ]
    found += [f"a secret of {len(secret)} characters" for secret in secrets if secret in text]
    return found
