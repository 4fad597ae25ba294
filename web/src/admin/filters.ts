/** The people list's filters live in the URL (`/admin?name=&role=&area=&active=`): pure functions. */
import { ROLES, type PeopleFilter, type RoleName } from "./data";

export function peopleFilterOf(search: URLSearchParams): PeopleFilter {
  const filter: PeopleFilter = {};
  const name = search.get("name")?.trim().slice(0, 100);
  const role = search.get("role");
  const area = search.get("area")?.trim();
  const active = search.get("active");
  if (name) filter.name = name;
  if (role && (ROLES as readonly string[]).includes(role)) filter.role = role as RoleName;
  if (area && /^\d{2,8}$/.test(area)) filter.area = area;
  if (active === "true" || active === "false") filter.active = active === "true";
  return filter;
}

export function peopleSearch(filter: PeopleFilter): string {
  const query = new URLSearchParams();
  if (filter.name) query.set("name", filter.name);
  if (filter.role) query.set("role", filter.role);
  if (filter.area) query.set("area", filter.area);
  if (filter.active !== undefined) query.set("active", String(filter.active));
  const text = query.toString();
  return text ? `?${text}` : "";
}
