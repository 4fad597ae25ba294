/** The sheet's totals, and this group's sheets in the queue with their state. */
import type { MessageKey } from "../i18n";
import type { QueueState, QueuedWrite } from "../queue/store";
import { formatBaht } from "./money";
import type { Totals } from "./sheet";
import { useTexts } from "./text";

export function SheetTotals({ totals }: { totals: Totals }) {
  const { v } = useTexts();
  return (
    <section class="card sheet-totals" aria-labelledby="totals-title">
      <h2 id="totals-title">{v("totals")} · {v("lines", { count: totals.lines })}</h2>
      <dl class="facts">
        <dt>{v("totalDeposits")}</dt>
        <dd data-total="deposits">{v("baht", { amount: formatBaht(totals.deposits) })}</dd>
        <dt>{v("totalRepayments")}</dt>
        <dd data-total="repayments">{v("baht", { amount: formatBaht(totals.repayments) })}</dd>
        <dt>{v("total")}</dt>
        <dd data-total="total"><strong>{v("baht", { amount: formatBaht(totals.total) })}</strong></dd>
      </dl>
    </section>
  );
}

const STATE_TEXT: Record<QueueState, MessageKey> = {
  waiting: "stateWaiting",
  sending: "stateSending",
  sent: "stateSent",
  conflict: "stateConflict",
  failed: "stateFailed",
};

export function QueuedSheets({ items }: { items: QueuedWrite[] }) {
  const { t, v } = useTexts();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="queued-sheets">
      <h2 id="queued-sheets">{v("sheetsQueued")}</h2>
      <ul class="list">
        {items.map((item) => (
          <li key={item.id} class={`card state-${item.state}`} data-state={item.state}>
            {item.label} · <span class="state">{t(STATE_TEXT[item.state])}</span>
            {item.detail && <p class="problem">{item.detail}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
