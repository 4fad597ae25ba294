/** A loan's repayment schedule (each installment: due, owed, paid, late or not) and its arrears. */
import { useEffect, useState } from "preact/hooks";
import { formatDate, todayIso } from "../dates";
import { followLink } from "../router";
import { openLoan, type Loan, type Read } from "./data";
import { ArrearsText } from "./Group";
import type { SavingsProps } from "./lazy";
import { arrearsView, installmentState, type Installment } from "./loan";
import { formatBaht, showThb, apiSatang } from "./money";
import { savingsWord, useTexts } from "./text";

export function LoanScreen({ store, loanId }: SavingsProps & { loanId: string }) {
  const { t, v, language } = useTexts();
  const [loaded, setLoaded] = useState<Read<Loan> | "loading" | "failed">("loading");
  useEffect(() => {
    void openLoan(store, loanId).then((read) => {
      setLoaded(read ?? "failed");
    });
  }, [store, loanId]);

  if (loaded === "loading") return <p>{t("loading")}</p>;
  if (loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const loan = loaded.value;
  const arrears = arrearsView(loan.arrears);
  return (
    <section aria-labelledby="loan-title">
      <h1 id="loan-title">{v("loan", { amount: showThb(loan.amount_thb) })}</h1>
      {loaded.offline && <p class="note">{t("offlineCopy")}</p>}
      <a href={`/savings/groups/${loan.group_id}`} onClick={followLink}>{v("backToGroup")}</a>
      <dl class="facts">
        <dt>{v("state")}</dt>
        <dd>{savingsWord(language, "status_", loan.status)}</dd>
        <dt>{v("purpose")}</dt>
        <dd>{loan.purpose} · {v("term", { months: loan.term_months })}</dd>
        <dt>{v("disbursedOn")}</dt>
        <dd>{formatDate(loan.disbursed_on, language)}</dd>
        <dt>{v("outstanding")}</dt>
        <dd>{v("baht", { amount: showThb(loan.outstanding_principal_thb) })}</dd>
        <dt>{v("payoff")}</dt>
        <dd>{loan.payoff_thb ? v("baht", { amount: showThb(loan.payoff_thb) }) : "–"}</dd>
      </dl>
      <h2>{v("arrears")}</h2>
      <p class={arrears.late ? "problem" : undefined}><ArrearsText view={arrears} /></p>
      {arrears.since && <p class="note">{v("arrearsSince", { date: formatDate(arrears.since, language) })}</p>}
      <h2 id="schedule-title">{v("schedule")}</h2>
      <Schedule installments={loan.schedule} />
    </section>
  );
}

function Schedule({ installments }: { installments: Installment[] }) {
  const { v, language } = useTexts();
  const today = todayIso();
  const paid = (i: Installment) => apiSatang(i.principal_paid_thb) + apiSatang(i.interest_paid_thb);
  return (
    <div class="scroll" role="region" aria-labelledby="schedule-title" tabIndex={0}>
      <table class="schedule">
        <thead>
          <tr>
            <th scope="col">{v("installment")}</th>
            <th scope="col">{v("dueOn")}</th>
            <th scope="col">{v("principal")}</th>
            <th scope="col">{v("interest")}</th>
            <th scope="col">{v("paid")}</th>
            <th scope="col">{v("state")}</th>
          </tr>
        </thead>
        <tbody>
          {installments.map((installment) => {
            const state = installmentState(installment, today);
            return (
              <tr key={installment.seq} data-state={state} class={`installment-${state}`}>
                <th scope="row">{installment.seq}</th>
                <td>{formatDate(installment.due_on, language)}</td>
                <td class="amount">{showThb(installment.principal_thb)}</td>
                <td class="amount">{showThb(installment.interest_thb)}</td>
                <td class="amount">{formatBaht(paid(installment))}</td>
                <td>{savingsWord(language, "state_", state)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
