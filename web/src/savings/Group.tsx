/** A group's members with their savings and their loans (status, outstanding, arrears). */
import { followLink } from "../router";
import { memberName, openLoans, type GroupFile, type Loan, type Member } from "./data";
import type { SavingsProps } from "./lazy";
import { arrearsView } from "./loan";
import { showThb, formatBaht } from "./money";
import { savingsWord, useTexts } from "./text";
import { useGroupFile } from "./useGroup";
import { VillageName } from "../villages";

export function GroupScreen({ store, groupId }: SavingsProps & { groupId: string }) {
  const { t, v } = useTexts();
  const loaded = useGroupFile(store, groupId);
  if (loaded === "loading") return <p>{t("loading")}</p>;
  if (loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const { group, members } = loaded.value;
  return (
    <section aria-labelledby="group-title">
      <h1 id="group-title">{group.name}</h1>
      {loaded.offline && <p class="note">{t("offlineCopy")}</p>}
      <p class="note"><VillageName code={group.village_code} /></p>
      <dl class="facts">
        <dt>{v("savings")}</dt>
        <dd>{v("baht", { amount: showThb(group.balances.savings_thb) })}</dd>
        <dt>{v("loansOutstanding")}</dt>
        <dd>{v("baht", { amount: showThb(group.balances.loans_outstanding_thb) })}</dd>
        <dt>{v("cash")}</dt>
        <dd>{v("baht", { amount: showThb(group.balances.cash_thb) })}</dd>
      </dl>
      {group.may_record ? (
        <p>
          <a href={`/savings/groups/${group.id}/sheet`} onClick={followLink} class="row-link">
            {v("sheetLink")}
          </a>
        </p>
      ) : (
        <p class="note">{v("readOnly")}</p>
      )}
      <h2>{v("members")}</h2>
      {members.length === 0 && <p>{v("noMembers")}</p>}
      <ul class="list">
        {members.map((member) => (
          <MemberCard key={member.id} member={member} loans={loansOf(loaded.value, member)} />
        ))}
      </ul>
    </section>
  );
}

function loansOf(file: GroupFile, member: Member): Loan[] {
  return openLoans(file.loans).filter((loan) => loan.member_id === member.id);
}

function MemberCard({ member, loans }: { member: Member; loans: Loan[] }) {
  const { v } = useTexts();
  return (
    <li class="card" data-member={member.id}>
      <h3>{memberName(member)}</h3>
      {member.status !== "active" && <p class="note">{v("left")}</p>}
      <dl class="facts">
        <dt>{v("savings")}</dt>
        <dd data-savings>{v("baht", { amount: showThb(member.savings_thb) })}</dd>
        {member.can_borrow_thb && <dt>{v("canBorrow")}</dt>}
        {member.can_borrow_thb && <dd>{v("baht", { amount: showThb(member.can_borrow_thb) })}</dd>}
      </dl>
      {loans.length === 0 ? <p class="note">{v("noLoan")}</p> : loans.map((loan) => (
        <LoanLine key={loan.id} loan={loan} />
      ))}
    </li>
  );
}

export function LoanLine({ loan }: { loan: Loan }) {
  const { v, language } = useTexts();
  const arrears = arrearsView(loan.arrears);
  return (
    <div class="loan-line" data-loan={loan.id}>
      <a href={`/savings/loans/${loan.id}`} onClick={followLink}>
        {v("loan", { amount: showThb(loan.amount_thb) })}
      </a>{" "}
      · {savingsWord(language, "status_", loan.status)}
      {loan.status === "disbursed" && (
        <p>
          {v("outstanding")}: {v("baht", { amount: showThb(loan.outstanding_principal_thb) })} ·{" "}
          <ArrearsText view={arrears} />
        </p>
      )}
    </div>
  );
}

export function ArrearsText({ view }: { view: ReturnType<typeof arrearsView> }) {
  const { v, language } = useTexts();
  if (!view.late) return <span class="on-time">{v("onTime")}</span>;
  const bucket = savingsWord(language, "bucket_", view.bucket);
  return (
    <span class="in-arrears" data-days={view.days}>
      {v("inArrears", { days: view.days, bucket, amount: formatBaht(view.satang) })}
    </span>
  );
}
