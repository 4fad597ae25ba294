/** The administrator screens, loaded on demand: /admin (people, ?role=&area=&active=),
 * /admin/people/new, /admin/people/{id}, /admin/teams (?area=), /admin/teams/new, /admin/teams/{id}. */
import { followLink, useSearch } from "../router";
import { People } from "./People";
import { PersonEditor, PersonRegistration } from "./PersonForm";
import { TeamForm } from "./TeamForm";
import { Teams } from "./Teams";
import { TeamView } from "./TeamView";
import { useTexts, type AdminKey } from "./text";

export default function Admin({ path }: { path: string }) {
  const search = useSearch();
  return (
    <>
      <AdminNav path={path} />
      {screen(path, search)}
    </>
  );
}

function screen(path: string, search: URLSearchParams) {
  const person = /^\/admin\/people\/([^/]+)$/.exec(path)?.[1];
  const team = /^\/admin\/teams\/([^/]+)$/.exec(path)?.[1];
  if (person === "new") return <PersonRegistration />;
  if (person) return <PersonEditor id={decodeURIComponent(person)} />;
  if (team === "new") return <TeamForm />;
  if (team) return <TeamView id={decodeURIComponent(team)} />;
  if (path === "/admin/teams") return <Teams search={search} />;
  return <People search={search} />;
}

const LINKS: readonly (readonly [string, AdminKey])[] = [
  ["/admin", "people"],
  ["/admin/people/new", "register"],
  ["/admin/teams", "teams"],
  ["/admin/teams/new", "formTeam"],
];

function AdminNav({ path }: { path: string }) {
  const { a } = useTexts();
  return (
    <nav aria-label={a("navLabel")} class="subnav">
      {LINKS.map(([href, key]) => (
        <a key={href} href={href} onClick={followLink} aria-current={path === href ? "page" : undefined}>
          {a(key)}
        </a>
      ))}
    </nav>
  );
}
