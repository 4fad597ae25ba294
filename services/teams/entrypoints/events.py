"""Event handlers keeping the households read model (for assignments, cohorts and outcomes), made
from `subscriptions.TABLE`."""

from infra.subscriptions import event_entrypoints
from services.teams.subscriptions import TABLE

EventEntrypoints = event_entrypoints(TABLE)
