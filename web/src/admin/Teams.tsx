/** Smile Teams, paged (optionally those touching an area, `?area=`): status, coverage, seats. */
import { followLink } from "../router";
import { listTeams, type Team } from "./data";
import { usePaged } from "./Paged";
import { useTexts } from "./text";

export function Teams({ search }: { search: URLSearchParams }) {
  const { t, a } = useTexts();
  const area = search.get("area")?.trim() ?? "";
  const { listed, more } = usePaged((after) => listTeams(area === "" ? undefined : area, after), area);
  return (
    <section aria-labelledby="teams-title">
      <h1 id="teams-title">{a("teamsTitle")}</h1>
      {listed === "loading" && <p>{t("loading")}</p>}
      {listed === "failed" && <p role="alert">{t("loadFailed")}</p>}
      {typeof listed === "object" && (
        <>
          {listed.items.length === 0 && <p>{a("none")}</p>}
          <ul class="list">
            {listed.items.map((team) => (
              <TeamCard key={team.id} team={team} />
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

export function teamStatus(team: Team, a: ReturnType<typeof useTexts>["a"]): string {
  return team.status === "complete" ? a("status_complete") : a("status_forming");
}

function TeamCard({ team }: { team: Team }) {
  const { a } = useTexts();
  const missing = (team.missing_roles ?? []).map((role) => a(`seat_${role}` as Parameters<typeof a>[0]));
  return (
    <li class="card" data-team={team.id}>
      <a href={`/admin/teams/${team.id ?? ""}`} onClick={followLink} class="row-link">
        {team.name}
      </a>
      <p>
        {teamStatus(team, a)} · {a("coverageShort")}: {(team.coverage ?? []).join(", ")}
      </p>
      {missing.length > 0 && <p class="note">{a("missing", { roles: missing.join(", ") })}</p>}
    </li>
  );
}
