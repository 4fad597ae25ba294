"""Event handlers for other services' events, made from `subscriptions.TABLE`."""

from infra.subscriptions import event_entrypoints
from services.funding.subscriptions import TABLE

EventEntrypoints = event_entrypoints(TABLE)
