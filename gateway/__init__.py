"""The gateway: the only door for clients. Authentication, HTTP contract, composition; no business
rules.
"""

import infra  # noqa: F401  (quiets eventlet's deprecation banner before nameko loads)
