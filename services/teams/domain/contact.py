"""How to reach a person: LINE user id, e-mail, phone (normalised to +66)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from infra.errors import FieldError

_SEPARATORS = re.compile(r"[\s\-().]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_LINE_USER_ID = re.compile(r"U[0-9a-f]{32}")
MOBILE_PREFIXES = "689"  # 9-digit national numbers (081..., 09..., 06...)
LANDLINE_PREFIXES = "23457"  # 8-digit national numbers (02..., 053..., 074...)


def normalise_phone(raw: str) -> str | None:
    """+66 form of a Thai phone number ('081-234-5678' -> '+66812345678'), or None if it is not
    one.
    """
    digits = _SEPARATORS.sub("", raw)
    if digits.startswith("+66"):
        national = digits[3:]
    elif digits.startswith("66") and len(digits) in (10, 11):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return None
    if not (national.isascii() and national.isdigit()):
        return None
    mobile = len(national) == 9 and national[0] in MOBILE_PREFIXES
    landline = len(national) == 8 and national[0] in LANDLINE_PREFIXES
    return f"+66{national}" if mobile or landline else None


@dataclass(frozen=True)
class Contact:
    line_user_id: str | None = None
    email: str | None = None
    phone: str | None = None

    @classmethod
    def parse(
        cls, line_user_id: str | None, email: str | None, phone: str | None
    ) -> tuple[Contact, list[FieldError]]:
        problems = []
        if line_user_id and not _LINE_USER_ID.fullmatch(line_user_id):
            problems.append(
                FieldError("line_user_id", "a LINE user id is U followed by 32 hex digits")
            )
        if email and not _EMAIL.fullmatch(email):
            problems.append(FieldError("email", "not an e-mail address"))
        normalised = normalise_phone(phone) if phone else None
        if phone and normalised is None:
            problems.append(FieldError("phone", "not a Thai phone number"))
        return cls(line_user_id or None, email.lower() if email else None, normalised), problems
