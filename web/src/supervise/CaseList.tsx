/** Case lists with free filters kept in the URL: stage, an area inside the supervisor's, a team,
 * visit overdue, plan waiting, failing the income criterion, the order; paged by the API's cursor. */
import { useEffect, useState } from "preact/hooks";
import type { MessageKey } from "../i18n";
import { navigate } from "../router";
import { loadAreaWithChildren, loadTeams, type Area, type HouseholdFilter, type TeamSummary } from "./data";
import { caseListQueryOf, caseListSearch, STAGES, type CaseListQuery } from "./filters";
import { HouseholdList } from "./HouseholdList";
import { useTexts } from "./text";

export function CaseList({ home, search }: { home: string; search: URLSearchParams }) {
  const { t, s } = useTexts();
  const query = caseListQueryOf(search, home);
  const { stage, overdue, plan_waiting: waiting, fails_income: poor, team_id: team } = query.filter;
  const shown = [
    ...(stage ? [s("filterStage", { stage: t(`stage_${stage}` as MessageKey) })] : []),
    ...(overdue ? [s("filterOverdue")] : []),
    ...(waiting ? [s("filterPlanWaiting")] : []),
    ...(poor ? [s("filterFailsIncome")] : []),
    ...(team ? [s("filterTeam")] : []),
    ...(query.area !== home ? [s("areaCode", { code: query.area })] : []),
  ];
  return (
    <HouseholdList
      area={query.area}
      filter={query.filter}
      title={[s("householdsTitle"), ...shown].join(" · ")}
      linkTo={(h) => `/households/${h.id ?? ""}`}
    >
      <CaseFilters home={home} query={query} key={caseListSearch(query, home)} />
    </HouseholdList>
  );
}

function CaseFilters({ home, query }: { home: string; query: CaseListQuery }) {
  const { t, s, language } = useTexts();
  const [draft, setDraft] = useState<CaseListQuery>(query);
  const [areas, setAreas] = useState<Area[]>([]);
  const [teams, setTeams] = useState<TeamSummary[]>([]);
  useEffect(() => {
    void loadAreaWithChildren(home).then(setAreas, () => undefined);
    void loadTeams(home).then(setTeams, () => undefined);
  }, [home]);
  const set = (name: keyof HouseholdFilter, value: string | boolean) => {
    const kept = Object.entries(draft.filter).filter(([key]) => key !== name);
    const given = value === "" || value === false ? [] : [[name, value]];
    setDraft({ ...draft, filter: Object.fromEntries([...kept, ...given]) as HouseholdFilter });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(`/supervise/households${caseListSearch(draft, home)}`);
  };
  const known = areas.some((area) => area.code === draft.area);
  const areaName = (area: Area) => `${language === "th" ? area.name_th : area.name_en} (${area.code})`;
  return (
    <details class="card filters">
      <summary>{s("filters")}</summary>
      <form class="inline-form" onSubmit={submit}>
        <label for="cases-stage">{t("stage")}</label>
        <select id="cases-stage" value={draft.filter.stage ?? ""}
          onChange={(e) => { set("stage", e.currentTarget.value); }}>
          <option value="">{s("anyStage")}</option>
          {STAGES.map((name) => <option key={name} value={name}>{t(`stage_${name}` as MessageKey)}</option>)}
        </select>
        <label for="cases-area">{s("area")}</label>
        <select id="cases-area" value={draft.area} onChange={(e) => { setDraft({ ...draft, area: e.currentTarget.value }); }}>
          {!known && <option value={draft.area}>{draft.area}</option>}
          {areas.map((area) => <option key={area.code} value={area.code}>{areaName(area)}</option>)}
        </select>
        <label for="cases-team">{s("team")}</label>
        <select id="cases-team" value={draft.filter.team_id ?? ""} onChange={(e) => { set("team_id", e.currentTarget.value); }}>
          <option value="">{s("anyTeam")}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
        {(["overdue", "plan_waiting", "fails_income"] as const).map((flag) => (
          <label key={flag} class="check">
            <input type="checkbox" checked={draft.filter[flag] === true} onChange={(e) => { set(flag, e.currentTarget.checked); }} />
            {s(flag === "overdue" ? "filterOverdue" : flag === "plan_waiting" ? "filterPlanWaiting" : "filterFailsIncome")}
          </label>
        ))}
        <label for="cases-order">{s("order")}</label>
        <select id="cases-order" value={draft.filter.order ?? "village"}
          onChange={(e) => { set("order", e.currentTarget.value === "priority" ? "priority" : ""); }}>
          <option value="village">{s("orderVillage")}</option>
          <option value="priority">{s("orderPriority")}</option>
        </select>
        <button type="submit">{s("applyFilters")}</button>
      </form>
    </details>
  );
}
