"""Password hashing (argon2id) and the rules for choosing a password.

Parameters follow OWASP's minimum for argon2id (19 MiB, 2 iterations): a login costs tens of
milliseconds, not hundreds, which matters in a green-threaded service.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Verified against when the username is unknown, so a miss takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("no account has this password")
MIN_LENGTH = 10
MAX_LENGTH = 256


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


def password_problem(password: str, username: str) -> str | None:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        return f"between {MIN_LENGTH} and {MAX_LENGTH} characters"
    if username and username.lower() in password.lower():
        return "must not contain the username"
    return None
