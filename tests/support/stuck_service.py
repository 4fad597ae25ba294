"""A service whose one method never returns: for testing what a stop does with a stuck worker."""

import eventlet

from infra.logs import get_logger
from infra.rpc import rpc

log = get_logger(__name__)


class StuckService:
    name = "stuck"

    @rpc
    def ping(self) -> str:
        return "ok"

    @rpc
    def hang_forever(self) -> None:
        log.warning("stuck.worker_started")
        eventlet.sleep(3600)
