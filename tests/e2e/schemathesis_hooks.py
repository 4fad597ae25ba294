"""schemathesis hooks (SCHEMATHESIS_HOOKS) for tests/e2e/test_api_schema.py.

The fuzzer draws Idempotency-Keys from a small space ("00000000" again and again), so a key meets
a different request it was already used for and the answer is 422 for the key, not a test of the
route. A well-formed key is made fresh per request, as a real client's is; a malformed one is
kept, so the key's own rule is still fuzzed.
"""

import uuid

import schemathesis

from gateway.idempotency import HEADER, KEY_RULE


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    key = (case.headers or {}).get(HEADER)
    if isinstance(key, str) and KEY_RULE.fullmatch(key):
        case.headers[HEADER] = uuid.uuid4().hex
