"""Ports on 127.0.0.1 for the processes and peers a test starts."""

import socket


def free_port() -> int:
    """A port nothing listens on now (the system asked for one, then let it go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_open(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:`port`."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True
