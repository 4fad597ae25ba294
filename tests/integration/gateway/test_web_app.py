"""The gateway serves the built web app at `/` beside the unchanged API, on SQLite and PostgreSQL,
and signs the web app in with an HttpOnly cookie guarded by a CSRF token."""

import pytest
import requests

from gateway.service import GatewayService
from infra.caller import SYSTEM
from infra.migrate import databases
from services.teams.service import TeamsService
from tests.integration.helpers import rpc
from tests.support.databases import upgrade
from tests.support.ports import free_port

PASSWORD = "field worker passphrase 7"
INDEX = "<!doctype html><title>app</title><script type=module src=/assets/app-1a2b3c.js></script>"


@pytest.fixture
def dist(tmp_path):
    built = tmp_path / "dist"
    (built / "assets").mkdir(parents=True)
    (built / "index.html").write_text(INDEX)
    (built / "assets" / "app-1a2b3c.js").write_text("console.log('app')")
    (built / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    return built


@pytest.fixture
def gateway_url(make_config, database_template, start_service, dist):
    port = free_port()
    config = make_config(
        database_template,
        WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
        WEB_DIST=str(dist),
        AUTH={"mode": "builtin", "secret": "web-test-" + "s" * 40, "token_minutes": 30},
    )
    upgrade(config, list(databases(config)))
    start_service(TeamsService, config)
    start_service(GatewayService, config)
    person = {"username": "somchai.v", "display_name": "Somchai", "password": PASSWORD}
    rpc(
        config,
        "teams",
        "register_person",
        SYSTEM.to_dict(),
        {**person, "roles": ["volunteer_leader"], "areas": ["24010101"]},
    )
    return f"http://127.0.0.1:{port}"


def get(url, **kwargs):
    return requests.get(url, timeout=10, **kwargs)


def test_the_app_and_its_client_routes_answer_with_index_html_uncached(gateway_url):
    for path in ("/", "/households/h-42", "/queue"):
        answer = get(gateway_url + path)
        assert answer.status_code == 200 and answer.text == INDEX, path
        assert answer.headers["Content-Type"].startswith("text/html")
        assert answer.headers["Cache-Control"] == "no-cache"
        policy = answer.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy


def test_hashed_assets_are_cached_long_and_the_service_worker_is_revalidated(gateway_url):
    asset = get(gateway_url + "/assets/app-1a2b3c.js")
    assert asset.status_code == 200 and asset.text == "console.log('app')"
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    worker = get(gateway_url + "/sw.js")
    assert worker.status_code == 200 and worker.headers["Cache-Control"] == "no-cache"
    missing = get(gateway_url + "/assets/gone-000.js")
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"
    assert get(gateway_url + "/../../etc/passwd").text in (INDEX, "")


def test_text_files_go_gzipped_to_a_client_that_accepts_it(gateway_url, dist):
    script = "console.log('a phone on 3G');\n" * 200
    (dist / "assets" / "big-9f8e7d.js").write_text(script)
    zipped = get(gateway_url + "/assets/big-9f8e7d.js", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and zipped.text == script
    assert int(zipped.headers["Content-Length"]) < len(script) / 10
    assert zipped.headers["Vary"] == "Accept-Encoding"
    plain = get(gateway_url + "/assets/big-9f8e7d.js", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.text == script
    assert int(plain.headers["Content-Length"]) == len(script)
    page = get(gateway_url + "/households/h-42", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip" and page.text == INDEX


def test_the_api_the_document_and_the_docs_are_unchanged(gateway_url):
    unknown = get(gateway_url + "/api/v1/nothing-here")
    assert unknown.status_code == 404
    assert unknown.headers["Content-Type"] == "application/problem+json"
    assert get(gateway_url + "/openapi.json").json()["openapi"] == "3.1.0"
    assert "swagger-ui-bundle.js" in get(gateway_url + "/docs").text
    assert get(gateway_url + "/api/v1/me").status_code == 401
    posted = requests.post(gateway_url + "/queue", timeout=10)
    assert posted.status_code in (404, 405)
    assert posted.headers["Content-Type"] == "application/problem+json"


def test_without_a_build_the_gateway_starts_and_says_how_to_build(
    make_config, sqlite_database_template, start_service, tmp_path
):
    port = free_port()
    config = make_config(
        sqlite_database_template,
        WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
        WEB_DIST=str(tmp_path / "never-built"),
    )
    upgrade(config, ["gateway"])
    start_service(GatewayService, config)
    answer = get(f"http://127.0.0.1:{port}/")
    assert answer.status_code == 503
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert "npm run build" in answer.json()["detail"]
    assert get(f"http://127.0.0.1:{port}/openapi.json").status_code == 200


def set_cookies(answer):
    return {line.split("=", 1)[0]: line for line in answer.raw.headers.getlist("Set-Cookie")}


def sign_in(gateway_url):
    browser = requests.Session()
    answer = browser.post(
        gateway_url + "/api/v1/sessions",
        json={"username": "somchai.v", "password": PASSWORD},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    return browser, answer


def test_signing_in_sets_an_httponly_strict_cookie_and_no_token_in_the_body(gateway_url):
    _, answer = sign_in(gateway_url)
    cookies = set_cookies(answer)
    session = cookies["smile_session"]
    assert "HttpOnly" in session and "SameSite=Strict" in session and "Path=/api/" in session
    assert "Secure" not in session  # plain HTTP here; HTTPS adds Secure
    csrf = cookies["smile_csrf"]
    assert "HttpOnly" not in csrf and "SameSite=Strict" in csrf
    assert "access_token" not in answer.json()
    assert answer.json()["csrf_token"] in csrf


def test_a_change_by_cookie_needs_the_csrf_token(gateway_url):
    browser, answer = sign_in(gateway_url)
    me = browser.get(gateway_url + "/api/v1/me", timeout=10).json()
    assert me["username"] == "somchai.v"
    url = f"{gateway_url}/api/v1/people/{me['id']}/password"
    change = {"password": "a new passphrase 8", "current_password": PASSWORD}
    refused = browser.put(url, json=change, timeout=10)
    assert refused.status_code == 403
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert "X-CSRF-Token" in refused.json()["detail"]
    forged = browser.put(url, json=change, headers={"X-CSRF-Token": "0" * 64}, timeout=10)
    assert forged.status_code == 403
    csrf = answer.json()["csrf_token"]
    accepted = browser.put(url, json=change, headers={"X-CSRF-Token": csrf}, timeout=10)
    assert accepted.status_code < 300, accepted.text


def test_bearer_tokens_work_unchanged_without_csrf(gateway_url):
    token = requests.post(
        gateway_url + "/api/v1/auth/token",
        json={"username": "somchai.v", "password": PASSWORD},
        timeout=10,
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    me = get(gateway_url + "/api/v1/me", headers=bearer).json()
    answer = requests.put(
        f"{gateway_url}/api/v1/people/{me['id']}/password",
        json={"password": "a new passphrase 8", "current_password": PASSWORD},
        headers=bearer,
        timeout=10,
    )
    assert answer.status_code < 300, answer.text


def test_signing_out_clears_the_cookies(gateway_url):
    browser, _ = sign_in(gateway_url)
    answer = browser.delete(gateway_url + "/api/v1/sessions", timeout=10)
    assert answer.status_code == 204
    cleared = set_cookies(answer)
    assert "Max-Age=0" in cleared["smile_session"] and "Max-Age=0" in cleared["smile_csrf"]
    assert browser.get(gateway_url + "/api/v1/me", timeout=10).status_code == 401


def test_signing_out_revokes_that_session_only(gateway_url):
    browser, _ = sign_in(gateway_url)
    other, _ = sign_in(gateway_url)  # the same person on another device
    kept = browser.cookies.get("smile_session")
    assert browser.delete(gateway_url + "/api/v1/sessions", timeout=10).status_code == 204
    replayed = get(gateway_url + "/api/v1/me", cookies={"smile_session": kept})
    assert replayed.status_code == 401, replayed.text  # a copy of the cookie is worth nothing
    assert replayed.headers["Content-Type"] == "application/problem+json"
    assert other.get(gateway_url + "/api/v1/me", timeout=10).status_code == 200
    again = requests.delete(
        gateway_url + "/api/v1/sessions", cookies={"smile_session": kept}, timeout=10
    )
    forged = requests.delete(
        gateway_url + "/api/v1/sessions", cookies={"smile_session": "not.a.token"}, timeout=10
    )
    assert again.status_code == forged.status_code == 204
