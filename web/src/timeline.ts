/** The case's story, newest first: every stage move and every plan step, each with who, when and
 * why (the household's transitions and its plan versions, as the API keeps them). */
import type { Seat, Transition } from "./caseFile";
import type { PlanOut } from "./plan";

export type Happening =
  | { kind: "stage"; from: string; to: string }
  | { kind: "plan"; step: PlanStep; number: number };

export interface TimelineEntry {
  at: string;
  by: string;
  why: string | null;
  what: Happening;
}

export function timeline(transitions: Transition[], plans: PlanOut[]): TimelineEntry[] {
  const entries: TimelineEntry[] = transitions.map((move) => ({
    at: move.changed_at ?? "",
    by: move.changed_by ?? "",
    why: move.reason ?? null,
    what: { kind: "stage", from: move.from_stage ?? "", to: move.to_stage ?? "" },
  }));
  for (const plan of plans) entries.push(...planSteps(plan));
  return entries.filter((entry) => entry.at).sort((a, b) => b.at.localeCompare(a.at));
}

type PlanStep = "created" | "submitted" | "approved" | "returned";

/** A plan version keeps its creation, its last submission and its last decision. */
function planSteps(plan: PlanOut): TimelineEntry[] {
  const number = plan.number ?? 1;
  const step = (s: PlanStep, at?: string | null, by?: string | null, why: string | null = null) =>
    at ? [{ at, by: by ?? "", why, what: { kind: "plan" as const, step: s, number } }] : [];
  const decided = plan.status === "approved" ? "approved" : "returned";
  return [
    ...step("created", plan.created_at, plan.created_by),
    ...step("submitted", plan.submitted_at, plan.submitted_by),
    // A returned plan edited again is a draft that still carries its last decision.
    ...step(decided, plan.decided_at, plan.decided_by, plan.decision_reason ?? null),
  ];
}

export type Actor = { kind: "you" } | { kind: "seat"; role: string } | { kind: "other"; id: string };

/** Who did it, as the field worker knows them: themselves, a seat of the team, or an id. */
export function actor(personId: string, me: string | undefined, seats: Seat[]): Actor {
  if (me && personId === me) return { kind: "you" };
  const seat = seats.find((s) => s.person_id === personId);
  return seat?.role ? { kind: "seat", role: seat.role } : { kind: "other", id: personId.slice(0, 8) };
}
