/** The changes a field worker makes, shaped as the API takes them and queued. */
import type { components } from "./api/schema";
import { changedFields, settle, type Choice, type Fields } from "./merge";
import { planBody, planFields, type SavePlan } from "./plan";
import type { OfflineQueue } from "./queue/queue";
import type { QueuedWrite } from "./queue/store";

type LogVisit = components["schemas"]["LogVisit"];
type RecordConsent = components["schemas"]["RecordConsent"];
export type RequestIntervention = components["schemas"]["RequestIntervention"];

export function queueVisit(queue: OfflineQueue, householdId: string, visit: LogVisit, label: string) {
  return queue.add({
    kind: "visit",
    method: "POST",
    path: `/api/v1/households/${householdId}/visits`,
    body: { ...visit },
    householdId,
    label,
  });
}

export function queueConsent(
  queue: OfflineQueue,
  householdId: string,
  version: number,
  consent: RecordConsent,
  label: string,
) {
  const body: RecordConsent = { ...consent }; // the version travels as If-Match
  return queue.add({
    kind: "consent",
    method: "POST",
    path: `/api/v1/households/${householdId}/consent`,
    body: { ...body },
    householdId,
    label,
    ifMatch: version,
  });
}

/** A plan edit: the whole plan (PUT), the fields it started from (the merge base) and the
 * version it was read at (If-Match; none before the first draft reaches the server). */
export interface PlanEdit {
  plan: SavePlan;
  startedFrom: SavePlan;
  version: number | undefined;
}

export function planChain(householdId: string): string {
  return `plan:${householdId}`;
}

export function queuePlanEdit(queue: OfflineQueue, householdId: string, edit: PlanEdit, label: string) {
  return queue.add({
    kind: "plan",
    method: "PUT",
    path: `/api/v1/households/${householdId}/plan`,
    body: { ...edit.plan },
    base: planFields(edit.startedFrom),
    householdId,
    label,
    chain: planChain(householdId),
    ...(edit.version === undefined ? {} : { ifMatch: edit.version }),
  });
}

/** Submitting goes after every edit queued before it (same chain); its version is settled when
 * sent (the edits before it change it). */
export function queuePlanSubmission(
  queue: OfflineQueue,
  householdId: string,
  version: number | undefined,
  label: string,
) {
  return queue.add({
    kind: "plan-submit",
    method: "POST",
    path: `/api/v1/households/${householdId}/plan/submission`,
    body: {},
    householdId,
    label,
    chain: planChain(householdId),
    ...(version === undefined ? {} : { ifMatch: version }),
  });
}

export function queueIntervention(
  queue: OfflineQueue,
  householdId: string,
  request: RequestIntervention,
  label: string,
) {
  return queue.add({
    kind: "intervention",
    method: "POST",
    path: `/api/v1/households/${householdId}/interventions`,
    body: { ...request },
    householdId,
    label,
  });
}

/** The body to send again once the person chose a side for each conflicting field. */
export function bodyAfterChoices(item: QueuedWrite, choices: Record<string, Choice>): Fields {
  const theirs = item.theirs ?? {};
  const merged = item.merged ?? { ...theirs, ...item.body };
  const settled = settle({ merged, conflicts: item.conflicts ?? [] }, choices);
  return item.kind === "plan" ? { ...planBody(settled) } : changedFields(theirs, settled);
}
