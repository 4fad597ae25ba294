/** People, paged, with their roles, areas and state; filters by name, role, area and state in the URL. */
import { useState } from "preact/hooks";
import { followLink, navigate } from "../router";
import { listPeople, ROLES, type Person } from "./data";
import { peopleFilterOf, peopleSearch } from "./filters";
import { usePaged } from "./Paged";
import { useTexts } from "./text";

export function People({ search }: { search: URLSearchParams }) {
  const { t, a } = useTexts();
  const filter = peopleFilterOf(search);
  const key = peopleSearch(filter);
  const { listed, more } = usePaged((after) => listPeople(filter, after), key);
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{a("peopleTitle")}</h1>
      <PeopleFilters search={search} />
      {listed === "loading" && <p>{t("loading")}</p>}
      {listed === "failed" && <p role="alert">{t("loadFailed")}</p>}
      {typeof listed === "object" && (
        <>
          {listed.items.length === 0 && <p>{a("none")}</p>}
          <ul class="list">
            {listed.items.map((person) => (
              <PersonCard key={person.id} person={person} />
            ))}
          </ul>
          {listed.next && (
            <button type="button" onClick={more}>
              {a("more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function PersonCard({ person }: { person: Person }) {
  const { a } = useTexts();
  return (
    <li class="card" data-person={person.id}>
      <a href={`/admin/people/${person.id}`} onClick={followLink} class="row-link">
        {person.display_name} ({person.username})
      </a>
      <p>{person.roles.map((role) => a(`role_${role}`)).join(", ")}</p>
      <p>
        {a("areasShort")}: {person.areas.join(", ") || "–"} ·{" "}
        <span class={person.active ? "" : "problem"}>{person.active ? a("active") : a("inactive")}</span>
      </p>
    </li>
  );
}

function PeopleFilters({ search }: { search: URLSearchParams }) {
  const { a } = useTexts();
  const [name, setName] = useState(search.get("name") ?? "");
  const [role, setRole] = useState(search.get("role") ?? "");
  const [area, setArea] = useState(search.get("area") ?? "");
  const [active, setActive] = useState(search.get("active") ?? "");
  const submit = (event: Event) => {
    event.preventDefault();
    const filter = peopleFilterOf(new URLSearchParams({ name, role, area, active }));
    navigate(`/admin${peopleSearch(filter)}`);
  };
  return (
    <form class="card filters" onSubmit={submit}>
      <label for="people-name">{a("filterName")}</label>
      <input id="people-name" type="search" value={name} onInput={(e) => { setName(e.currentTarget.value); }} />
      <label for="people-role">{a("filterRole")}</label>
      <select id="people-role" value={role} onChange={(e) => { setRole(e.currentTarget.value); }}>
        <option value="">{a("anyRole")}</option>
        {ROLES.map((name) => (
          <option key={name} value={name}>
            {a(`role_${name}`)}
          </option>
        ))}
      </select>
      <label for="people-area">{a("filterArea")}</label>
      <input id="people-area" inputMode="numeric" value={area} onInput={(e) => { setArea(e.currentTarget.value); }} />
      <label for="people-active">{a("filterActive")}</label>
      <select id="people-active" value={active} onChange={(e) => { setActive(e.currentTarget.value); }}>
        <option value="">{a("anyState")}</option>
        <option value="true">{a("activeOnly")}</option>
        <option value="false">{a("inactiveOnly")}</option>
      </select>
      <button type="submit">{a("filter")}</button>
    </form>
  );
}
