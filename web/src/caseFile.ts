/** Everything the field case screen reads, in one bundle kept on the device for use offline: the
 * case view, the stage moves (who, when, why), every plan version and the team's seats. */
import type { components } from "./api/schema";
import { api } from "./api/session";
import type { PlanOut } from "./plan";
import { recall, remember, type Store } from "./queue/store";

export type CaseView = components["schemas"]["CaseViewOut"];
export type Transition = components["schemas"]["TransitionOut"];
export type Seat = components["schemas"]["TeamSeatOut"];

export interface CaseFile {
  view: CaseView;
  transitions: Transition[];
  plans: PlanOut[];
  seats: Seat[];
}

const key = (householdId: string) => `casefile:${householdId}`;

/** Read from the server (kept for later), or the copy kept here when that fails. */
export async function openCaseFile(
  store: Store,
  householdId: string,
): Promise<{ file: CaseFile; offline: boolean } | null> {
  try {
    const file = await readCaseFile(householdId);
    await remember(store, key(householdId), file);
    return { file, offline: false };
  } catch {
    const kept = await recall<CaseFile>(store, key(householdId));
    return kept ? { file: kept, offline: true } : null;
  }
}

async function readCaseFile(householdId: string): Promise<CaseFile> {
  const path = { household_id: householdId };
  const [view, household, plans] = await Promise.all([
    api.GET("/api/v1/households/{household_id}/case", { params: { path, query: { visits: 20 } } }),
    api.GET("/api/v1/households/{household_id}", { params: { path } }),
    api.GET("/api/v1/households/{household_id}/plans", { params: { path } }),
  ]);
  if (!view.data) throw new Error("case not loaded");
  return {
    view: view.data,
    transitions: household.data?.transitions ?? [],
    plans: plans.data?.items ?? [],
    seats: await teamSeats(view.data.household?.team_id),
  };
}

/** Who sits in the household's team (to say "the team's coordinator" rather than an id). */
async function teamSeats(teamId: string | null | undefined): Promise<Seat[]> {
  if (!teamId) return [];
  const team = await api.GET("/api/v1/teams/{team_id}", { params: { path: { team_id: teamId } } });
  return team.data?.members ?? [];
}
