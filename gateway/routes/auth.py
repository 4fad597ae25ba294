"""Signing in with the builtin issuer: `POST /api/v1/auth/token`."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.auth.login import LoginDesk
from gateway.http import api, json_response, read_json
from gateway.schemas import Token, TokenRequest
from infra.caller import Caller
from infra.rpc import Calls
from infra.validation import load


class AuthRoutes:
    rpc: Calls
    login: LoginDesk

    @api(
        "POST",
        "/api/v1/auth/token",
        public=True,
        summary="Exchange a username and password for a bearer token",
        body=TokenRequest,
        responses={200: Token},
        tags=("auth",),
        operation="tokens.issue",
        problems=(401,),
    )
    def issue_token(self, request: Request) -> Response:
        credentials = load(TokenRequest, read_json(request))
        self.login.check_attempt(credentials["username"], request.remote_addr or "")
        caller = Caller.from_dict(self.rpc.call("teams", "authenticate", credentials))
        return json_response(self.login.token_for(caller), headers={"Cache-Control": "no-store"})
