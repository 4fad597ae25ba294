/** The savings-group officer's screens, loaded on first use. */
import type { ScreenProps } from "../app";
import type { Person } from "../api/session";
import { hasRole, isSectionRoute, LazyScreens } from "../lazyScreens";

export type SavingsProps = ScreenProps & { path: string; person: Person };

const load = () => import("./Savings");

export function isOfficer(person: Person): boolean {
  return hasRole(person, ["savings_group_officer"]);
}

/** `/savings/...`, and `/` for an officer (their groups). Supervisors keep their dashboard at `/`. */
export function isSavingsRoute(path: string, person: Person): boolean {
  return isSectionRoute("/savings", path, isOfficer(person));
}

export function LazySavings(props: SavingsProps) {
  return <LazyScreens load={load} prefix="/savings" props={props} />;
}
