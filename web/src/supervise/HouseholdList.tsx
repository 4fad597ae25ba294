/** The households of the supervisor's area behind a dashboard count, paged; each opens its case
 * (or, for plans waiting, the plan to approve). */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../dates";
import type { MessageKey } from "../i18n";
import { followLink } from "../router";
import { loadHouseholds, type HouseholdFilter, type HouseholdSummary } from "./data";
import { useTexts } from "./text";
import { HouseholdLabel } from "../villages";

interface Props {
  area: string;
  filter: HouseholdFilter;
  title: string;
  linkTo: (household: HouseholdSummary) => string;
  children?: ComponentChildren; // shown under the title (e.g. the list's filters)
}

interface Listed {
  items: HouseholdSummary[];
  next: string | null;
}

export function HouseholdList({ area, filter, title, linkTo, children }: Props) {
  const { t } = useTexts();
  const [listed, setListed] = useState<Listed | "loading" | "failed">("loading");
  const key = JSON.stringify(filter);

  const load = (after: string | null, before: HouseholdSummary[]) =>
    loadHouseholds(area, filter, after).then(
      (page) => {
        setListed({ items: [...before, ...page.items], next: page.next });
      },
      () => {
        setListed("failed");
      },
    );

  useEffect(() => {
    setListed("loading");
    void load(null, []);
  }, [area, key]);

  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{title}</h1>
      {children}
      {listed === "loading" && <p>{t("loading")}</p>}
      {listed === "failed" && <p role="alert">{t("loadFailed")}</p>}
      {typeof listed === "object" && <Items listed={listed} linkTo={linkTo} more={load} />}
    </section>
  );
}

interface ItemsProps {
  listed: Listed;
  linkTo: (household: HouseholdSummary) => string;
  more: (after: string | null, before: HouseholdSummary[]) => Promise<void>;
}

function Items({ listed, linkTo, more }: ItemsProps) {
  const { t, s, language } = useTexts();
  return (
    <>
      {listed.items.length === 0 && <p>{s("none")}</p>}
      <ul class="list">
        {listed.items.map((household) => (
          <li key={household.id} class="card">
            <a href={linkTo(household)} onClick={followLink} class="row-link">
              <HouseholdLabel household={household} />
            </a>
            <p>
              {t("stage")}: {t(`stage_${household.stage}` as MessageKey)} · {t("members")}{" "}
              {household.size}
            </p>
            <p>
              {t("nextVisit")}: {formatDate(household.next_visit_due, language)}
            </p>
          </li>
        ))}
      </ul>
      {listed.next && (
        <button type="button" onClick={() => void more(listed.next, listed.items)}>
          {s("more")}
        </button>
      )}
    </>
  );
}
