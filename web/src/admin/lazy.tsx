/** The administrator screens, loaded on first use. */
import type { Person } from "../api/session";
import { hasRole, isSectionRoute, LazyScreens } from "../lazyScreens";

const load = () => import("./Admin");

export function isAdministrator(person: Person): boolean {
  return hasRole(person, ["administrator"]);
}

/** `/admin/...`, and `/` for an administrator (the people list). */
export function isAdminRoute(path: string, person: Person): boolean {
  return isSectionRoute("/admin", path, isAdministrator(person));
}

export function LazyAdmin({ path }: { path: string }) {
  return <LazyScreens load={load} prefix="/admin" props={{ path }} />;
}
