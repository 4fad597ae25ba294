import { useEffect, useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import type { Person } from "../api/session";
import { openCaseFile, type CaseFile } from "../caseFile";
import { formatDate } from "../dates";
import { useT, wordText } from "../i18n";
import { recall } from "../queue/store";
import { followLink } from "../router";
import { ConsentForm } from "./ConsentForm";
import { Interventions } from "./Interventions";
import { PlanSection } from "./PlanSection";
import { QueueList } from "./Queue";
import { Timeline } from "./Timeline";
import { VisitForm } from "./VisitForm";
import { VillageName } from "../villages";

// `forSent`: how many of this household's changes the server had taken when the file was read.
type Loaded = { file: CaseFile; offline: boolean; forSent: number } | "loading" | "failed";

export function CaseScreen(props: ScreenProps & { householdId: string }) {
  const { store, householdId, items } = props;
  const { t, language } = useT();
  const [loaded, setLoaded] = useState<Loaded>("loading");
  const [me, setMe] = useState<string | undefined>(undefined);
  // Each change of this household the server took: read the case again (new versions, events).
  const sent = items.filter((item) => item.householdId === householdId && item.state === "sent").length;

  useEffect(() => {
    let superseded = false; // a newer read started: this one's answer is already old
    void openCaseFile(store, householdId).then((found) => {
      if (!superseded) setLoaded(found ? { ...found, forSent: sent } : "failed");
    });
    return () => {
      superseded = true;
    };
  }, [store, householdId, sent]);
  useEffect(() => {
    void recall<Person>(store, "me").then((person) => {
      setMe(person?.id);
    });
  }, [store]);

  if (loaded === "loading") return <p>{t("loading")}</p>;
  if (loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const { view, transitions, plans, seats } = loaded.file;
  // A change was sent since the file was read: until it is read again, the plan shown is not the
  // server's, and an edit must not start from it.
  const stale = loaded.forSent !== sent;
  const { household, plan } = view;
  const visits = view.latest_visits ?? [];
  const mine = items.filter((item) => item.householdId === householdId && item.state !== "sent");
  return (
    <article aria-labelledby="case-title">
      <a href="/" onClick={followLink}>
        ← {t("back")}
      </a>
      <h1 id="case-title">
        {t("household")} <VillageName code={household?.village_code} /> · {t("houseNo")} {household?.house_no ?? "–"}
      </h1>
      {loaded.offline && <p class="note">{t("offlineCopy")}</p>}
      <dl class="facts">
        <dt>{t("stage")}</dt>
        <dd>{wordText(t, "stage_", household?.stage ?? "registered")}</dd>
        <dt>{t("income")}</dt>
        <dd>{household?.annual_income_thb ?? "–"}</dd>
        <dt>{t("nextVisit")}</dt>
        <dd>{formatDate(household?.next_visit_due, language)}</dd>
        <dt>{t("consent")}</dt>
        <dd>
          {household?.consent
            ? t("consentRecorded", {
                answer: household.consent.consented ? t("consentYes") : t("consentNo"),
                date: formatDate(household.consent.recorded_at, language),
              })
            : "–"}
        </dd>
      </dl>
      <h2>{t("members")}</h2>
      <ul class="list">
        {(household?.members ?? []).map((member) => (
          <li key={member.national_id}>
            {member.first_name} {member.last_name}
            {member.is_head ? ` (${t("head")})` : ""} · {t("nationalId")} {member.national_id}
          </li>
        ))}
      </ul>
      {mine.length > 0 && <QueueList {...props} items={mine} />}
      <Timeline transitions={transitions} plans={plans} seats={seats} me={me} />
      <PlanSection {...props} plan={plan} stage={household?.stage} stale={stale} />
      <Interventions {...props} interventions={view.interventions ?? []} stage={household?.stage} />
      {household?.stage === "target" && household.version !== undefined && (
        <ConsentForm {...props} version={household.version} />
      )}
      <VisitForm {...props} />
      <h2>{t("visits")}</h2>
      {visits.length === 0 && <p>{t("noVisits")}</p>}
      <ul class="list">
        {visits.map((visit) => (
          <li key={visit.id} class="card">
            <strong>{formatDate(visit.visited_at, language)}</strong> · {t("wellbeing")}{" "}
            {visit.wellbeing}
            <p>{visit.notes}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
