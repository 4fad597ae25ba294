/** What the administrator screens read and change: people and Smile Teams, public API only.
 * Versioned changes send If-Match with the version read; refusals keep the API's field names. */
import type { components } from "../api/schema";
import { api } from "../api/session";
import { refusalOf, type Refusal } from "./problems";

export type PersonOut = components["schemas"]["PersonOut"];
export type PersonIn = components["schemas"]["RegisterPerson"];
/** A change of a person: their profile, and why when the name, national ID or phone changes. */
export type PersonChange = components["schemas"]["UpdatePerson"];
export type RoleName = PersonIn["roles"][number];
export type Team = components["schemas"]["TeamOut"];
export type Seat = components["schemas"]["TeamSeatIn"];
export type SeatRole = Seat["role"];

/** A person as the API sends it to an administrator (every field). */
export interface Person {
  id: string;
  username: string;
  display_name: string;
  roles: RoleName[];
  areas: string[];
  email: string | null;
  phone: string | null;
  line_user_id: string | null;
  language: "th" | "en";
  national_id: string | null;
  active: boolean;
  version: number;
}

export const ROLES: readonly RoleName[] = [
  "volunteer_leader",
  "subdistrict_coordinator",
  "district_expert",
  "district_supervisor",
  "provincial_supervisor",
  "savings_group_officer",
  "trainer",
  "administrator",
];
export const SEAT_ROLES: readonly SeatRole[] = ["volunteer_leader", "subdistrict_coordinator", "district_expert"];

export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail);
  }
}

/** What to show for a failed change: the API's refusal, or the failure itself (no signal). */
export function refusalFrom(error: unknown): Refusal {
  if (error instanceof Refused) return error.refusal;
  return { status: 0, detail: error instanceof Error ? error.message : String(error), errors: [] };
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

function refused(response: Response, error: unknown): Refused {
  return new Refused(refusalOf(response.status, error));
}

const ifMatch = (version: number | undefined) => ({ "If-Match": `"${String(version ?? 0)}"` });

export interface PeopleFilter {
  name?: string;
  role?: RoleName;
  area?: string;
  active?: boolean;
}

export async function listPeople(filter: PeopleFilter, after: string | null, limit = 50): Promise<Page<Person>> {
  const query = { ...filter, limit, ...(after ? { after } : {}) };
  const { data, error, response } = await api.GET("/api/v1/people", { params: { query } });
  if (!data) throw refused(response, error);
  return { items: (data.items ?? []) as Person[], next: data.next ?? null };
}

export async function getPerson(id: string): Promise<Person> {
  const { data, error, response } = await api.GET("/api/v1/people/{person_id}", {
    params: { path: { person_id: id } },
  });
  if (!data) throw refused(response, error);
  return data as Person;
}

export async function registerPerson(body: PersonIn): Promise<Person> {
  const { data, error, response } = await api.POST("/api/v1/people", { body });
  if (!data) throw refused(response, error);
  return data as Person;
}

/** The whole profile again (PUT replaces it) with the changes, under the version read. */
export async function updatePerson(person: Person, change: Partial<PersonChange>): Promise<Person> {
  const body = { ...profileOf(person), ...change };
  const { data, error, response } = await api.PUT("/api/v1/people/{person_id}", {
    params: { path: { person_id: person.id }, header: ifMatch(person.version) },
    body,
  });
  if (!data) throw refused(response, error);
  return data as Person;
}

export function profileOf(person: Person): PersonIn {
  const masked = person.national_id?.startsWith("x") ?? true;
  return {
    username: person.username,
    display_name: person.display_name,
    roles: person.roles,
    areas: person.areas,
    email: person.email,
    phone: person.phone,
    line_user_id: person.line_user_id,
    language: person.language,
    ...(masked ? {} : { national_id: person.national_id }),
  };
}

/** An administrator's reset: no current password, and the person's earlier tokens end. */
export async function setPassword(person: Person, password: string): Promise<void> {
  const { error, response } = await api.PUT("/api/v1/people/{person_id}/password", {
    params: { path: { person_id: person.id } },
    body: { password },
  });
  if (!response.ok) throw refused(response, error);
}

export async function deactivatePerson(person: Person): Promise<Person> {
  const { data, error, response } = await api.POST("/api/v1/people/{person_id}/deactivation", {
    params: { path: { person_id: person.id }, header: ifMatch(person.version) },
  });
  if (!data) throw refused(response, error);
  return data as Person;
}

export async function listTeams(area: string | undefined, after: string | null): Promise<Page<Team>> {
  const query = { limit: 50, ...(area ? { area } : {}), ...(after ? { after } : {}) };
  const { data, error, response } = await api.GET("/api/v1/teams", { params: { query } });
  if (!data) throw refused(response, error);
  return { items: data.items ?? [], next: data.next ?? null };
}

export async function getTeam(id: string): Promise<Team> {
  const { data, error, response } = await api.GET("/api/v1/teams/{team_id}", {
    params: { path: { team_id: id } },
  });
  if (!data) throw refused(response, error);
  return data;
}

export async function formTeam(name: string, coverage: string[], members: Seat[]): Promise<Team> {
  const { data, error, response } = await api.POST("/api/v1/teams", {
    body: { name, coverage, members },
  });
  if (!data) throw refused(response, error);
  return data;
}

export async function joinTeam(team: Team, seat: Seat): Promise<Team> {
  const { data, error, response } = await api.POST("/api/v1/teams/{team_id}/members", {
    params: { path: { team_id: team.id ?? "" }, header: ifMatch(team.version) },
    body: seat,
  });
  if (!data) throw refused(response, error);
  return data;
}

export async function changeTeam(team: Team, name: string, coverage: string[]): Promise<Team> {
  const { data, error, response } = await api.PUT("/api/v1/teams/{team_id}", {
    params: { path: { team_id: team.id ?? "" }, header: ifMatch(team.version) },
    body: { name, coverage },
  });
  if (!data) throw refused(response, error);
  return data;
}

export async function leaveTeam(team: Team, personId: string, reason: string): Promise<Team> {
  const { data, error, response } = await api.POST("/api/v1/teams/{team_id}/departures", {
    params: { path: { team_id: team.id ?? "" }, header: ifMatch(team.version) },
    body: { person_id: personId, reason: reason || null },
  });
  if (!data) throw refused(response, error);
  return data;
}

/** The people who may sit in a role of a team covering these tambons (their district's). */
export async function candidates(role: SeatRole, coverage: string[]): Promise<Person[]> {
  const district = coverage[0]?.slice(0, 4);
  if (!district || district.length < 4) return [];
  const page = await listPeople({ role, area: district, active: true }, null, 200);
  return page.items;
}
