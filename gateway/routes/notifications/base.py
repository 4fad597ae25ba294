"""What the notification route modules share."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.rpc import Calls


class NotificationsCalls:
    rpc: Calls

    def _notifications(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("notifications", method, caller.to_dict(), *args)
