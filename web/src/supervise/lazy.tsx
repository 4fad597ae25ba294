/** The supervisor screens, loaded on first use. */
import type { Person } from "../api/session";
import { hasRole, isSectionRoute, LazyScreens } from "../lazyScreens";

const SUPERVISOR_ROLES = ["district_expert", "district_supervisor", "provincial_supervisor"];
const load = () => import("./Supervise");

export function isSupervisor(person: Person): boolean {
  return hasRole(person, SUPERVISOR_ROLES);
}

/** `/supervise/...`, and `/` for a supervisor (their dashboard). */
export function isSupervisorRoute(path: string, person: Person): boolean {
  return isSectionRoute("/supervise", path, isSupervisor(person));
}

export function LazySupervise({ path, person }: { path: string; person: Person }) {
  return <LazyScreens load={load} prefix="/supervise" props={{ path, person }} />;
}
