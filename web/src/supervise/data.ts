/** What the supervisor screens read and change, through the public API only. */
import type { components, paths } from "../api/schema";
import { api, type Person } from "../api/session";

export type Report = components["schemas"]["ReportOut"];
export type ReportSummary = components["schemas"]["ReportSummaryOut"];
// The API sends every field of these (null when empty); the document marks them optional.
export type Escalation = Required<components["schemas"]["EscalationView"]>;
export type Plan = Required<components["schemas"]["PlanOut"]>;
export type Stage = NonNullable<HouseholdFilter["stage"]>;
export type HouseholdSummary = components["schemas"]["HouseholdSummaryOut"];
export type Area = components["schemas"]["AreaOut"];
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The area a supervisor answers for (the first of their areas). */
export function areaOf(person: Person): string | undefined {
  return person.areas?.[0];
}

/** The Buddhist-era fiscal year (1 Oct - 30 Sep) of a day in Bangkok. */
export function fiscalYearOf(isoDay: string): number {
  const [year = 0, month = 0] = isoDay.split("-").map(Number);
  return year + 543 + (month >= 10 ? 1 : 0);
}

export class Refused extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

function refused(response: Response, error: unknown): Refused {
  const problem = error as { detail?: string; title?: string } | undefined;
  return new Refused(response.status, problem?.detail ?? problem?.title ?? String(response.status));
}

type ReportName = paths["/api/v1/reports/{name}"]["get"]["parameters"]["path"]["name"];
const REPORT_NAMES: readonly string[] = [
  "cases", "teams", "sammachip", "savings", "escalations",
] satisfies readonly ReportName[];

function isReportName(name: string): name is ReportName {
  return REPORT_NAMES.includes(name);
}

export async function loadReport(
  name: string,
  area: string,
  fiscalYear?: number,
  lang: "th" | "en" = "th",
): Promise<Report> {
  if (!isReportName(name)) throw new Refused(404, name);
  const query = fiscalYear ? { area, lang, fiscal_year: fiscalYear } : { area, lang };
  const { data, error, response } = await api.GET("/api/v1/reports/{name}", {
    params: { path: { name }, query },
  });
  if (!data || typeof data === "string") throw refused(response, error);
  return data;
}

export async function loadReportList(): Promise<ReportSummary[]> {
  const { data, error, response } = await api.GET("/api/v1/reports");
  if (!data) throw refused(response, error);
  return data.items;
}

export async function loadAreaWithChildren(code: string): Promise<Area[]> {
  const { data, error, response } = await api.GET("/api/v1/areas/{code}/children", {
    params: { path: { code } },
  });
  if (!data) throw refused(response, error);
  return [data.area, ...data.items];
}

/** The link that downloads a report as an Excel file (the session cookie goes with it). */
export function excelLink(name: string, area: string, fiscalYear: number, lang: string): string {
  const query = new URLSearchParams({ area, fiscal_year: String(fiscalYear), format: "xlsx", lang });
  return `/api/v1/reports/${encodeURIComponent(name)}?${query.toString()}`;
}

export type HouseholdFilter = Pick<
  NonNullable<paths["/api/v1/households"]["get"]["parameters"]["query"]>,
  "stage" | "overdue" | "plan_waiting" | "team_id" | "fails_income" | "order"
>;

export async function loadHouseholds(
  area: string,
  filter: HouseholdFilter,
  after: string | null,
): Promise<Page<HouseholdSummary>> {
  const query = { area, limit: 50, ...filter, ...(after ? { after } : {}) };
  const { data, error, response } = await api.GET("/api/v1/households", { params: { query } });
  if (!data) throw refused(response, error);
  return { items: data.items ?? [], next: data.next ?? null };
}

export type EscalationStatus = "open" | "acknowledged";

export async function loadEscalations(
  area: string,
  status: EscalationStatus[],
  level: number | undefined,
  after: string | null,
): Promise<Page<Escalation>> {
  const query = {
    area_code: area,
    status,
    limit: 50,
    ...(level === undefined ? {} : { level }),
    ...(after ? { after } : {}),
  };
  const { data, error, response } = await api.GET("/api/v1/escalations", { params: { query } });
  if (!data) throw refused(response, error);
  return { items: (data.items ?? []) as Escalation[], next: data.next ?? null };
}

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

export async function acknowledge(escalation: Escalation): Promise<Escalation> {
  const { data, error, response } = await api.POST(
    "/api/v1/escalations/{escalation_id}/acknowledgement",
    { params: { path: { escalation_id: escalation.id }, header: ifMatch(escalation.version) } },
  );
  if (!data) throw refused(response, error);
  return data as Escalation;
}

export async function resolve(escalation: Escalation, note: string): Promise<Escalation> {
  const { data, error, response } = await api.POST("/api/v1/escalations/{escalation_id}/resolution", {
    params: { path: { escalation_id: escalation.id }, header: ifMatch(escalation.version) },
    body: { note },
  });
  if (!data) throw refused(response, error);
  return data as Escalation;
}

/** The household's plan waiting for approval, if there is one. */
export async function loadWaitingPlan(householdId: string): Promise<Plan | undefined> {
  const { data, error, response } = await api.GET("/api/v1/households/{household_id}/plans", {
    params: { path: { household_id: householdId } },
  });
  if (!data) throw refused(response, error);
  return (data.items as Plan[] | undefined)?.find((plan) => plan.status === "submitted");
}

export async function approvePlan(plan: Plan): Promise<Plan> {
  const { data, error, response } = await api.POST(
    "/api/v1/households/{household_id}/plan/approval",
    { params: { path: { household_id: plan.household_id }, header: ifMatch(plan.version) }, body: {} },
  );
  if (!data) throw refused(response, error);
  return data as Plan;
}

export async function returnPlan(plan: Plan, reason: string): Promise<Plan> {
  const { data, error, response } = await api.POST("/api/v1/households/{household_id}/plan/return", {
    params: { path: { household_id: plan.household_id }, header: ifMatch(plan.version) },
    body: { reason },
  });
  if (!data) throw refused(response, error);
  return data as Plan;
}

export type TeamSummary = components["schemas"]["TeamOut"];

/** The Smile Teams touching an area (for the case list's team filter), first 200. */
export async function loadTeams(area: string): Promise<TeamSummary[]> {
  const { data, error, response } = await api.GET("/api/v1/teams", { params: { query: { area, limit: 200 } } });
  if (!data) throw refused(response, error);
  return data.items ?? [];
}
