/** Sending one queued change over HTTP, and what its answer means for the queue. */
import { changedFields, threeWayMerge, type Fields } from "../merge";
import { withCsrf } from "../api/session";
import { planBody, planFields, type PlanOut } from "../plan";
import type { Outcome } from "./queue";
import type { QueuedWrite } from "./store";

const EDITABLE_HOUSEHOLD_FIELDS = ["annual_income_thb", "size", "house_no"];

export async function sendOverHttp(item: QueuedWrite): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(item.path, {
      method: item.method,
      headers: headersOf(item),
      body: JSON.stringify(item.body),
    });
  } catch {
    return { kind: "offline" };
  }
  if (response.ok) return { kind: "sent" };
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 412) return afterStaleVersion(item);
  // A submission queued before its plan reached the server had no version to send.
  if (response.status === 428 && item.kind === "plan-submit") return afterStalePlan(item);
  if (response.status >= 500 || response.status === 429) return { kind: "offline" };
  return { kind: "failed", detail: await problemDetail(response) };
}

function headersOf(item: QueuedWrite): Headers {
  const headers = new Headers({ "Content-Type": "application/json" });
  // A sheet carries the API's own key for it (client_key, in the body): the same on every resend.
  if (item.method === "POST" && item.kind !== "sheet") headers.set("Idempotency-Key", item.idempotencyKey);
  if (item.ifMatch !== undefined) headers.set("If-Match", `"${item.ifMatch}"`);
  return withCsrf(item.method, headers);
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: string; title?: string };
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** The household changed since the edit began: read it again and merge three ways. */
async function afterStaleVersion(item: QueuedWrite): Promise<Outcome> {
  if (item.kind === "plan" || item.kind === "plan-submit") return afterStalePlan(item);
  let current: Fields & { version: number };
  try {
    const answer = await fetch(`/api/v1/households/${item.householdId}`);
    if (answer.status === 401) return { kind: "unauthorized" };
    if (!answer.ok) return { kind: "failed", detail: await problemDetail(answer) };
    current = (await answer.json()) as Fields & { version: number };
  } catch {
    return { kind: "offline" };
  }
  if (item.kind !== "household") {
    // A command (consent): the server judges it again against the household as it is now.
    return { kind: "retry", body: item.body, ifMatch: current.version, base: {} };
  }
  const theirs = pickFields(current, EDITABLE_HOUSEHOLD_FIELDS);
  const mine = { ...(item.base ?? {}), ...item.body };
  const result = threeWayMerge(item.base ?? {}, mine, theirs);
  if (result.conflicts.length > 0) {
    return { kind: "conflict", conflicts: result.conflicts, theirs, version: current.version };
  }
  const body = changedFields(theirs, result.merged);
  if (Object.keys(body).length === 0) return { kind: "sent" }; // the server already has it
  return { kind: "retry", body, ifMatch: current.version, base: theirs };
}

/** The plan changed since the edit began: read it again; an edit merges three ways, by field
 * (the goals by capital), a submission is sent again against the plan as it is now. */
async function afterStalePlan(item: QueuedWrite): Promise<Outcome> {
  let plan: PlanOut | null | undefined;
  try {
    const answer = await fetch(`/api/v1/households/${item.householdId}/case?visits=1`);
    if (answer.status === 401) return { kind: "unauthorized" };
    if (!answer.ok) return { kind: "failed", detail: await problemDetail(answer) };
    plan = ((await answer.json()) as { plan?: PlanOut | null }).plan;
  } catch {
    return { kind: "offline" };
  }
  if (plan?.version === undefined) return { kind: "failed", detail: "no plan" };
  if (item.kind === "plan-submit") return { kind: "retry", body: item.body, ifMatch: plan.version, base: {} };
  return mergedPlan(item, plan, plan.version);
}

/** Mine (the queued plan) against theirs (the plan now), from the plan the edit started from. */
export function mergedPlan(item: QueuedWrite, plan: PlanOut, version: number): Outcome {
  const theirs = planFields(plan);
  const result = threeWayMerge(item.base ?? {}, planFields(item.body), theirs);
  if (result.conflicts.length > 0) {
    return { kind: "conflict", conflicts: result.conflicts, theirs, version, merged: result.merged };
  }
  if (Object.keys(changedFields(theirs, result.merged)).length === 0) return { kind: "sent" };
  return { kind: "retry", body: { ...planBody(result.merged) }, ifMatch: version, base: theirs };
}

function pickFields(source: Fields, names: string[]): Fields {
  return Object.fromEntries(names.filter((name) => name in source).map((n) => [n, source[n]]));
}
