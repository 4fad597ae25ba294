/** The case list's free filters, kept in the URL (`/supervise/households?stage=&area=&overdue=
 * &plan_waiting=&team_id=&fails_income=&order=`): read, checked and written back. Pure functions. */
import type { HouseholdFilter, Stage } from "./data";

export const STAGES: readonly Stage[] = [
  "registered", "target", "compass", "manage", "care", "graduated", "declined", "moved", "deceased", "merged",
];
const FLAGS = ["overdue", "plan_waiting", "fails_income"] as const;

export interface CaseListQuery {
  area: string; // the supervisor's area or an area inside it (a tambon, a village)
  filter: HouseholdFilter;
}

/** The query a URL asks for; anything not understood (or outside `home`) is left out. */
export function caseListQueryOf(search: URLSearchParams, home: string): CaseListQuery {
  const filter: HouseholdFilter = {};
  const stage = search.get("stage");
  if (stage && (STAGES as readonly string[]).includes(stage)) filter.stage = stage as Stage;
  for (const flag of FLAGS) if (search.get(flag) === "true") filter[flag] = true;
  const team = search.get("team_id")?.trim();
  if (team && team.length <= 36) filter.team_id = team;
  if (search.get("order") === "priority") filter.order = "priority";
  const area = search.get("area")?.trim() ?? "";
  const inside = /^\d{2,8}$/.test(area) && area.startsWith(home);
  return { area: inside ? area : home, filter };
}

/** The URL's query string for a list (the home area is left out: it is the default). */
export function caseListSearch(query: CaseListQuery, home: string): string {
  const params = new URLSearchParams();
  if (query.area !== home) params.set("area", query.area);
  const { stage, team_id: team, order } = query.filter;
  if (stage) params.set("stage", stage);
  for (const flag of FLAGS) if (query.filter[flag]) params.set(flag, "true");
  if (team) params.set("team_id", team);
  if (order) params.set("order", order);
  const text = params.toString();
  return text ? `?${text}` : "";
}
