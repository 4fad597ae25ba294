/** My groups: the savings groups whose committee (or network) the officer sits on. */
import { useEffect, useState } from "preact/hooks";
import { followLink } from "../router";
import { keepGroups, openGroups, type Group, type Read } from "./data";
import type { SavingsProps } from "./lazy";
import { showThb } from "./money";
import { useTexts } from "./text";
import { VillageName } from "../villages";

export function GroupsScreen({ store }: SavingsProps) {
  const { t, v } = useTexts();
  const [loaded, setLoaded] = useState<Read<Group[]> | "loading" | "failed">("loading");
  useEffect(() => {
    void openGroups(store).then((read) => {
      setLoaded(read ?? "failed");
      if (read && !read.offline) void keepGroups(store, read.value);
    });
  }, [store]);

  if (loaded === "loading") return <p>{t("loading")}</p>;
  if (loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  return (
    <section aria-labelledby="groups-title">
      <h1 id="groups-title">{v("myGroups")}</h1>
      {loaded.offline && <p class="note">{t("offlineCopy")}</p>}
      {loaded.value.length === 0 && <p>{v("noGroups")}</p>}
      <ul class="list">
        {loaded.value.map((group) => (
          <li key={group.id} class="card" data-group={group.id}>
            <a href={`/savings/groups/${group.id}`} onClick={followLink} class="row-link">
              {group.name}
            </a>
            <p class="note"><VillageName code={group.village_code} /></p>
            <dl class="facts">
              <dt>{v("savings")}</dt>
              <dd>{v("baht", { amount: showThb(group.balances.savings_thb) })}</dd>
              <dt>{v("loansOutstanding")}</dt>
              <dd>{v("baht", { amount: showThb(group.balances.loans_outstanding_thb) })}</dd>
              <dt>{v("cash")}</dt>
              <dd>{v("baht", { amount: showThb(group.balances.cash_thb) })}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
