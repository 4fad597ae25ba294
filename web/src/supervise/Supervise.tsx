/** The supervisor screens (district expert, district and provincial supervisor), loaded on demand:
 * /supervise (dashboard), /supervise/households?stage=&area=&team_id=&overdue=&plan_waiting=
 * &fails_income=&order= (free filters), /supervise/teams (teams side by side), /supervise/escalations?level=|status=,
 * /supervise/plans, /supervise/plans/{household}, /supervise/reports?report=&area=&fiscal_year=. */
import type { Person } from "../api/session";
import { followLink, useSearch } from "../router";
import { Dashboard } from "./Dashboard";
import { CaseList } from "./CaseList";
import { areaOf } from "./data";
import { EscalationInbox } from "./Escalations";
import { HouseholdList } from "./HouseholdList";
import { PlanReview } from "./PlanReview";
import { Reports } from "./Reports";
import { TeamsSideBySide } from "./TeamsSideBySide";
import { useTexts } from "./text";

export default function Supervise({ path, person }: { path: string; person: Person }) {
  const { s } = useTexts();
  const search = useSearch();
  const area = areaOf(person);
  if (!area) return <p role="alert">{s("noArea")}</p>;
  return (
    <>
      <SuperviseNav path={path} />
      {screen(path, search, area)}
    </>
  );
}

function screen(path: string, search: URLSearchParams, area: string) {
  const plan = /^\/supervise\/plans\/([^/]+)$/.exec(path);
  if (plan?.[1]) return <PlanReview householdId={decodeURIComponent(plan[1])} />;
  if (path === "/supervise/plans") return <WaitingPlans area={area} />;
  if (path === "/supervise/households") return <CaseList home={area} search={search} />;
  if (path === "/supervise/teams") return <TeamsSideBySide area={area} />;
  if (path === "/supervise/escalations") {
    const level = search.get("level");
    const status = search.get("status");
    return (
      <EscalationInbox
        area={area}
        level={level === null ? undefined : Number(level)}
        status={status === "open" || status === "acknowledged" ? status : undefined}
      />
    );
  }
  if (path === "/supervise/reports") return <Reports home={area} asked={search} />;
  return <Dashboard area={area} />;
}

function WaitingPlans({ area }: { area: string }) {
  const { s } = useTexts();
  return (
    <HouseholdList
      area={area}
      filter={{ plan_waiting: true }}
      title={s("plansTitle")}
      linkTo={(household) => `/supervise/plans/${household.id}`}
    />
  );
}

const LINKS = [
  ["/supervise", "dashboard"],
  ["/supervise/escalations", "escalations"],
  ["/supervise/plans", "plans"],
  ["/supervise/households", "cases"],
  ["/supervise/teams", "teamsSide"],
  ["/supervise/reports", "reports"],
] as const;

export function SuperviseNav({ path }: { path: string }) {
  const { s } = useTexts();
  return (
    <nav aria-label={s("navLabel")} class="subnav">
      {LINKS.map(([href, key]) => (
        <a key={href} href={href} onClick={followLink} aria-current={path === href ? "page" : undefined}>
          {s(key)}
        </a>
      ))}
    </nav>
  );
}
