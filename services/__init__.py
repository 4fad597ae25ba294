"""The four domain services. Each owns its database and talks to the others only through events."""

import infra  # noqa: F401  (quiets eventlet's deprecation banner before nameko loads)
