"""Headers and tokens the gateway reads: If-Match, Idempotency-Key, bearer tokens."""

import time

import jwt
import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from gateway.auth.settings import ACCESS_TOKEN_TYPE, BUILTIN, BUILTIN_ALGORITHMS, AuthSettings
from gateway.auth.tokens import TokenVerifier
from gateway.idempotency import check_key
from gateway.resources import expected_version
from infra.errors import BadRequest, PreconditionFailed, Unauthorized, ValidationFailed

SETTINGS = AuthSettings(
    mode=BUILTIN,
    issuer="smile-cases",
    audience="smile-cases-api",
    secret="s" * 64,
    token_seconds=1800,
    oidc_jwks_url=None,
    oidc_algorithms=(),
    username_claim="preferred_username",
    identity_cache_seconds=60,
)


def with_if_match(value: str) -> Request:
    return Request(EnvironBuilder(method="PATCH", headers={"If-Match": value}).get_environ())


@pytest.mark.parametrize("tag", ['"7"', "7", ' "7" '])
def test_a_strong_tag_gives_its_version(tag):
    assert expected_version(with_if_match(tag)) == 7


@pytest.mark.parametrize(
    "tag", ['"²"', '"٣"', '"๑"', '"1"2"', '"-1"', '"1e3"', '"9999999999"', "*"]
)
def test_anything_but_ascii_digits_is_a_400_on_if_match(tag):
    with pytest.raises(BadRequest) as refused:
        expected_version(with_if_match(tag))
    assert refused.value.errors[0].field == "If-Match"


def test_a_weak_tag_never_matches_for_a_write():
    with pytest.raises(PreconditionFailed) as refused:
        expected_version(with_if_match('W/"1"'))
    assert refused.value.errors[0].field == "If-Match"


@pytest.mark.parametrize("key", ["0f1e2d3c", "a" * 64, "9b2f6c1e-6f3a-4e8b-9d3c-2a1b0c9d8e7f"])
def test_keys_of_the_one_rule_pass(key):
    check_key(key)


@pytest.mark.parametrize("key", ["short", "a" * 65, "has space 123", "ключ-12345", "a\x00bcdefgh"])
def test_other_keys_are_refused_naming_the_header(key):
    with pytest.raises(ValidationFailed) as refused:
        check_key(key)
    assert [e.field for e in refused.value.errors] == ["Idempotency-Key"]


def token(**changes):
    now = int(time.time())
    claims = {
        "iss": SETTINGS.issuer,
        "aud": SETTINGS.audience,
        "sub": "p1",
        "iat": now,
        "exp": now + 600,
        **changes,
    }
    return jwt.encode(
        claims, SETTINGS.secret, algorithm=BUILTIN_ALGORITHMS[0], headers={"typ": ACCESS_TOKEN_TYPE}
    )


def test_a_token_with_numeric_dates_is_accepted():
    assert TokenVerifier(SETTINGS).claims(token())["sub"] == "p1"


@pytest.mark.parametrize("claim", ["exp", "iat", "nbf"])
def test_a_date_claim_sent_as_a_string_is_refused(claim):
    value = int(time.time()) + (600 if claim == "exp" else -10)
    with pytest.raises(Unauthorized):
        TokenVerifier(SETTINGS).claims(token(**{claim: str(value)}))
    with pytest.raises(Unauthorized):
        TokenVerifier(SETTINGS).claims(token(**{claim: True}))
