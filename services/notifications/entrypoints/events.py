"""Event entrypoints, made from the subscriptions table (`subscriptions.TABLE`): each handler reads
the event with our own schema and hands it to the row's use case, which only writes to this
service's database (deliveries are queued, never sent here). Queue names are pinned by
`tests/unit/test_subscription_queues.py`.
"""

from infra.subscriptions import event_entrypoints
from services.notifications.subscriptions import TABLE

EventEntrypoints = event_entrypoints(TABLE)
