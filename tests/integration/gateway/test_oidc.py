"""OIDC mode: tokens signed by an external provider (a real JWKS endpoint on loopback) are accepted,
the person is looked up in teams, and tokens signed by anyone else are refused."""

import json
import time

import eventlet
import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from eventlet import wsgi

from gateway.service import GatewayService
from infra.caller import SYSTEM
from infra.migrate import databases
from services.teams.service import TeamsService
from tests.integration.helpers import rpc
from tests.support.databases import upgrade
from tests.support.ports import free_port

ISSUER = "https://idp.example.test/realms/cdd"


@pytest.fixture
def provider_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def jwks_url(provider_key):
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(provider_key.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/json")])
        return [body]

    listener = eventlet.listen(("127.0.0.1", 0))
    server = eventlet.spawn(wsgi.server, listener, app, log_output=False)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/certs"
    server.kill()
    listener.close()


def provider_token(key, **changes):
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": "smile-cases-api",
        "sub": "idp-user-1",
        "iat": now,
        "exp": now + 300,
        "preferred_username": "somsri.k",
        **changes,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1", "typ": "JWT"})


@pytest.fixture
def gateway_url(make_config, sqlite_database_template, start_service, jwks_url):
    port = free_port()
    config = make_config(
        sqlite_database_template,
        WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
        AUTH={
            "mode": "oidc",
            "issuer": ISSUER,
            "audience": "smile-cases-api",
            "oidc_jwks_url": jwks_url,
            "oidc_algorithms": ["RS256"],
            "oidc_username_claim": "preferred_username",
            "identity_cache_seconds": 60,
        },
    )
    upgrade(config, list(databases(config)))
    start_service(TeamsService, config)
    start_service(GatewayService, config)
    rpc(
        config,
        "teams",
        "register_person",
        SYSTEM.to_dict(),
        {
            "username": "somsri.k",
            "display_name": "Somsri",
            "roles": ["subdistrict_coordinator"],
            "areas": ["240101"],
        },
    )
    return f"http://127.0.0.1:{port}"


def me(url, token):
    return requests.get(
        f"{url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )


def test_a_provider_token_maps_to_the_person_in_teams(gateway_url, provider_key):
    answer = me(gateway_url, provider_token(provider_key))
    assert answer.status_code == 200 and answer.json()["username"] == "somsri.k"


def test_tokens_from_elsewhere_or_for_unknown_people_are_refused(gateway_url, provider_key):
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert me(gateway_url, provider_token(stranger)).status_code == 401
    assert me(gateway_url, provider_token(provider_key, iss="https://other")).status_code == 401
    unknown = provider_token(provider_key, preferred_username="nobody.here")
    assert me(gateway_url, unknown).status_code == 401
    login = requests.post(
        f"{gateway_url}/api/v1/auth/token",
        json={"username": "somsri.k", "password": "x" * 12},
        timeout=10,
    )
    assert login.status_code == 404  # signing in happens at the provider
