/** What is due first among a field worker's households. */
import type { components } from "./api/schema";

export type HouseholdSummary = components["schemas"]["HouseholdSummaryOut"];
export type Due = "overdue" | "returned" | "consent";
const ORDER: Due[] = ["overdue", "returned", "consent"];

export function dueOf(household: HouseholdSummary, today: string): Due[] {
  const due: Due[] = [];
  const next = household.next_visit_due;
  if (next && next < today) due.push("overdue");
  if (household.plan_returned) due.push("returned");
  if (household.stage === "target") due.push("consent");
  return due;
}

/** Overdue visits first, then plans returned to rework, then consent to ask, then by the next
 * visit's date. */
export function dueFirst(households: HouseholdSummary[], today: string): HouseholdSummary[] {
  const rank = (h: HouseholdSummary) => {
    const due = dueOf(h, today);
    const first = ORDER.findIndex((kind) => due.includes(kind));
    return first === -1 ? ORDER.length : first;
  };
  return [...households].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.next_visit_due ?? "9999").localeCompare(b.next_visit_due ?? "9999") ||
      (a.village_code ?? "").localeCompare(b.village_code ?? ""),
  );
}
