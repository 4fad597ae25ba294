import { useEffect, useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import { FIRST_QUESTIONS, takeEarlyAnswer } from "../api/early";
import type { components } from "../api/schema";
import { api } from "../api/session";
import { formatDate, todayIso } from "../dates";
import { dueFirst, dueOf, type Due, type HouseholdSummary } from "../households";
import { useT, type MessageKey } from "../i18n";
import { recall, remember } from "../queue/store";
import { followLink } from "../router";
import { HouseholdLabel } from "../villages";

const DUE_LABELS: Record<Due, MessageKey> = {
  overdue: "dueOverdue",
  returned: "dueReturned",
  consent: "dueConsent",
};

type Loaded = { households: HouseholdSummary[]; offline: boolean } | "loading" | "failed";

export function HouseholdsScreen({ store }: ScreenProps) {
  const { t, language } = useT();
  const [loaded, setLoaded] = useState<Loaded>("loading");

  useEffect(() => {
    let answered = false; // the list kept on the device shows until the server's answer
    void recall<HouseholdSummary[]>(store, "households").then((kept) => {
      if (kept && !answered) setLoaded({ households: kept, offline: false });
    });
    void loadHouseholds().then(
      async (households) => {
        answered = true;
        await remember(store, "households", households);
        setLoaded({ households, offline: false });
      },
      async () => {
        answered = true;
        const kept = await recall<HouseholdSummary[]>(store, "households");
        setLoaded(kept ? { households: kept, offline: true } : "failed");
      },
    );
  }, [store]);

  if (loaded === "loading") return <p>{t("loading")}</p>;
  if (loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const today = todayIso();
  return (
    <section aria-labelledby="households-title">
      <h1 id="households-title">{t("myHouseholds")}</h1>
      {loaded.offline && <p class="note">{t("offlineCopy")}</p>}
      {loaded.households.length === 0 && <p>{t("noHouseholds")}</p>}
      <ul class="list">
        {dueFirst(loaded.households, today).map((household) => (
          <li key={household.id} class="card">
            <a href={`/households/${household.id}`} onClick={followLink} class="row-link">
              <HouseholdLabel household={household} />
            </a>
            <p>
              {t("stage")}: {t(`stage_${household.stage}` as MessageKey)} · {t("members")}{" "}
              {household.size}
            </p>
            <p>
              {t("nextVisit")}: {formatDate(household.next_visit_due, language)}
            </p>
            {dueOf(household, today).map((due) => (
              <span key={due} class={`due due-${due}`}>
                {t(DUE_LABELS[due])}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

type HouseholdPage = components["schemas"]["HouseholdPage"];

async function loadHouseholds(): Promise<HouseholdSummary[]> {
  const early = takeEarlyAnswer(FIRST_QUESTIONS.households);
  const answer = early ? await early.catch(() => undefined) : undefined;
  if (answer?.ok) return ((await answer.json()) as HouseholdPage).items ?? [];
  const { data, error } = await api.GET("/api/v1/households", {
    params: { query: { limit: 200 } },
  });
  if (error) throw new Error("households not loaded");
  return data.items ?? [];
}
