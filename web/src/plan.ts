/**
 * The household plan as the merge sees it: one field per part of the plan, the goals split by
 * capital (D3.2, the five capitals), so two people editing goals of different capitals, or the
 * livelihood and a goal, merge without asking anyone. The wire body is rebuilt from the fields.
 */
import type { components } from "./api/schema";
import type { Fields } from "./merge";

export type SavePlan = components["schemas"]["SavePlan"];
export type PlanOut = components["schemas"]["PlanOut"];
export type Goal = components["schemas"]["GoalIn"];
export type Capital = Goal["capital"];
export type Support = components["schemas"]["SupportIn"];

export const CAPITALS: readonly Capital[] = ["human", "physical", "economic", "natural", "social"];
const GOALS = "goals.";

/** What a plan says (from the server's answer or a queued body), in the order the API takes. */
export function planContent(plan: PlanOut | SavePlan | null | undefined): SavePlan {
  return {
    problems: [...(plan?.problems ?? [])],
    needs: [...(plan?.needs ?? [])],
    goals: (plan?.goals ?? []).map((goal) => ({
      capital: goal.capital as Capital,
      description: goal.description ?? "",
      baseline: goal.baseline ?? "",
      target: goal.target ?? "",
    })),
    livelihood: plan?.livelihood ?? null,
    requested_support: (plan?.requested_support ?? []).map((support) => ({
      kind: support.kind as Support["kind"],
      description: support.description ?? "",
      amount_thb: support.amount_thb ?? null,
    })),
  };
}

export function goalsOf(content: SavePlan, capital: Capital): Goal[] {
  return (content.goals ?? []).filter((goal) => goal.capital === capital);
}

/** The plan as merge fields: `goals.human`, `goals.economic`, ... and the other parts. */
export function planFields(plan: PlanOut | SavePlan | null | undefined): Fields {
  const content = planContent(plan);
  const fields: Fields = {
    problems: content.problems,
    needs: content.needs,
    livelihood: content.livelihood,
    requested_support: content.requested_support,
  };
  for (const capital of CAPITALS) fields[GOALS + capital] = goalsOf(content, capital);
  return fields;
}

/** The body of `PUT /plan` from merge fields (goals in the capitals' order). */
export function planBody(fields: Fields): SavePlan {
  const goals = CAPITALS.flatMap((capital) => (fields[GOALS + capital] as Goal[] | undefined) ?? []);
  return planContent({
    problems: (fields.problems as string[] | undefined) ?? [],
    needs: (fields.needs as string[] | undefined) ?? [],
    goals,
    livelihood: (fields.livelihood as string | null | undefined) ?? null,
    requested_support: (fields.requested_support as Support[] | undefined) ?? [],
  });
}

/** The capital a merge field holds goals of, if it does. */
export function capitalOfField(field: string): Capital | undefined {
  const name = field.startsWith(GOALS) ? field.slice(GOALS.length) : "";
  return CAPITALS.find((capital) => capital === name);
}

/** A plan may be drafted or changed: none yet, a draft, returned, or approved (opens version n+1). */
export function editable(plan: PlanOut | null | undefined): boolean {
  return plan?.status !== "submitted";
}
