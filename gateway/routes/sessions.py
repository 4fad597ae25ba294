"""Signing the web app in and out with a cookie: `POST` and `DELETE /api/v1/sessions`.

The token itself goes into an HttpOnly cookie (no page script can read it); API clients keep using
`POST /api/v1/auth/token` and `Authorization: Bearer`."""

from __future__ import annotations

from datetime import UTC, datetime

from werkzeug.wrappers import Request, Response

from gateway.auth.cookies import SESSION_COOKIE, clear_session_cookies, set_session_cookies
from gateway.auth.login import LoginDesk
from gateway.http import api, json_response, read_json
from gateway.revocations import Revocations
from gateway.schemas import TokenRequest, WebSession
from infra.caller import Caller
from infra.rpc import Calls
from infra.validation import load

SESSIONS = "/api/v1/sessions"


class SessionRoutes:
    rpc: Calls
    login: LoginDesk
    revocations: Revocations

    @api(
        "POST",
        SESSIONS,
        public=True,
        summary="Sign the web app in: an HttpOnly session cookie and a CSRF token "
        "(send it as X-CSRF-Token on every change)",
        body=TokenRequest,
        responses={200: WebSession},
        tags=("auth",),
        operation="sessions.create",
        problems=(401,),
    )
    def create_session(self, request: Request) -> Response:
        credentials = load(TokenRequest, read_json(request))
        self.login.check_attempt(credentials["username"], request.remote_addr or "")
        caller = Caller.from_dict(self.rpc.call("teams", "authenticate", credentials))
        token, csrf, lifetime = self.login.web_session_for(caller)
        response = json_response(
            {"csrf_token": csrf, "expires_in": lifetime},
            headers={"Cache-Control": "no-store"},
        )
        set_session_cookies(response, request, token, csrf, lifetime)
        return response

    @api(
        "DELETE",
        SESSIONS,
        public=True,
        summary="Sign the web app out: this session's token is refused from now on (the "
        "person's other sessions stay) and the session cookies are cleared",
        responses={204: None},
        tags=("auth",),
        operation="sessions.delete",
    )
    def delete_session(self, request: Request) -> Response:
        claims = self.login.session_claims(request.cookies.get(SESSION_COOKIE, ""))
        if claims is not None and claims.get("jti"):
            expires = datetime.fromtimestamp(claims["exp"], UTC)
            self.revocations.sign_out(str(claims["jti"]), expires)
        response = Response(status=204, headers={"Cache-Control": "no-store"})
        clear_session_cookies(response, request)
        return response
