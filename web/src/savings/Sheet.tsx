/** A meeting's collection sheet on one screen: every member's deposit and each of their loans'
 * repayment, with the sheet's totals; posted as one sheet (all lines or none) with its client
 * key, through the queue, so it can be entered without signal and is posted exactly once. */
import { useState } from "preact/hooks";
import type { QueuedWrite } from "../queue/store";
import { formatDate, todayIso } from "../dates";
import { memberName, openLoans, queueSheet, type GroupFile, type Loan, type Member } from "./data";
import type { SavingsProps } from "./lazy";
import { dueAtMeeting } from "./loan";
import { apiSatang, formatBaht, showThb } from "./money";
import { useSheetDraft } from "./draft";
import { entryKey, sheetBody, sheetProblems, sheetTotals, within, type Problems, type SheetEntries } from "./sheet";
import { SheetTotals, QueuedSheets } from "./SheetParts";
import { useTexts } from "./text";
import { useGroupFile } from "./useGroup";
import { VillageName } from "../villages";

interface Row {
  member: Member;
  loans: Loan[];
}

export function SheetScreen(props: SavingsProps & { groupId: string }) {
  const { t } = useTexts();
  const loaded = useGroupFile(props.store, props.groupId);
  if (loaded === "loading") return <p>{t("loading")}</p>;
  if (loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  return <SheetForm {...props} file={loaded.value} offline={loaded.offline} />;
}

function rowsOf(file: GroupFile): Row[] {
  const disbursed = openLoans(file.loans).filter((loan) => loan.status === "disbursed");
  return file.members
    .filter((member) => member.status === "active")
    .map((member) => ({ member, loans: disbursed.filter((loan) => loan.member_id === member.id) }));
}

type Props = SavingsProps & { groupId: string; file: GroupFile; offline: boolean };

function SheetForm({ store, queue, send, items, file, offline }: Props) {
  const { t, v, language } = useTexts();
  const { group } = file;
  const { draft, change, drop, restart } = useSheetDraft(store, group.id);
  const { clientKey, meetingOn } = draft;
  const [shown, setShown] = useState<Problems>({});
  const [message, setMessage] = useState<string | null>(null);
  const [posted, setPosted] = useState<QueuedWrite | null>(null);
  const rows = rowsOf(file);
  const order = { members: rows.map((r) => r.member.id), loans: rows.flatMap((r) => r.loans.map((l) => l.id)) };
  const entries = within(draft.entries, order);
  const limits = {
    minDeposit: apiSatang(group.rules.min_monthly_saving_thb),
    payoff: Object.fromEntries(rows.flatMap((row) => row.loans).map((loan) => [loan.id, apiSatang(loan.payoff_thb)])),
  };

  const type = (kind: "deposits" | "repayments", id: string, value: string) => {
    change({ ...draft, entries: { ...entries, [kind]: { ...entries[kind], [id]: value } } });
  };
  const post = async (event: Event) => {
    event.preventDefault();
    const problems = sheetProblems(entries, limits);
    setShown(problems);
    if (Object.keys(problems).length > 0 || !meetingOn) {
      setMessage(v("fixFirst"));
      return;
    }
    const body = sheetBody(clientKey, meetingOn, entries, order);
    if (body.lines.length === 0) {
      setMessage(v("empty"));
      return;
    }
    const label = v("sheetLabel", { group: group.name, date: formatDate(meetingOn, language) });
    setPosted(await queueSheet(queue, group.id, body, label));
    await drop(); // queued: the sheet lives in the queue now
    setMessage(v("queued"));
    void send();
  };
  const startAgain = () => {
    restart();
    setPosted(null);
    setMessage(null);
  };

  return (
    <section aria-labelledby="sheet-title">
      <h1 id="sheet-title">{v("sheet")}</h1>
      <p class="note">{group.name} · <VillageName code={group.village_code} /></p>
      {offline && <p class="note">{t("offlineCopy")}</p>}
      <form onSubmit={(event) => void post(event)} class="sheet" noValidate>
        <fieldset disabled={posted !== null}>
          <legend class="visually-hidden">{v("sheet")}</legend>
          <label for="meeting-on">{v("meetingOn")}</label>
          <input id="meeting-on" type="date" required value={meetingOn} max={todayIso()}
            onInput={(e) => { change({ ...draft, meetingOn: e.currentTarget.value }); }} />
          <ol class="list sheet-rows">
            {rows.map((row) => (
              <SheetRow key={row.member.id} row={row} entries={entries} problems={shown} meetingOn={meetingOn}
                minDeposit={limits.minDeposit} onType={type} />
            ))}
          </ol>
          <SheetTotals totals={sheetTotals(entries)} />
          <button type="submit">{v("post")}</button>
        </fieldset>
      </form>
      {message && <p role={posted ? "status" : "alert"} class={posted ? undefined : "problem"}>{message}</p>}
      {posted && <button type="button" class="secondary" onClick={startAgain}>{v("newSheet")}</button>}
      <QueuedSheets items={items.filter((item) => item.kind === "sheet" && item.groupId === group.id)} />
    </section>
  );
}

interface RowProps {
  row: Row;
  entries: SheetEntries;
  problems: Problems;
  meetingOn: string;
  minDeposit: number;
  onType: (kind: "deposits" | "repayments", id: string, value: string) => void;
}

function SheetRow({ row, entries, problems, meetingOn, minDeposit, onType }: RowProps) {
  const { v } = useTexts();
  const name = memberName(row.member);
  return (
    <li class="card sheet-row" data-member={row.member.id}>
      <h2 class="member-name">{name}</h2>
      <p class="note">{v("savings")}: {v("baht", { amount: showThb(row.member.savings_thb) })}</p>
      <Amount id={row.member.id} kind="deposit" name={name} label={v("deposit")}
        hint={v("minHint", { amount: formatBaht(minDeposit) })} value={entries.deposits[row.member.id] ?? ""}
        problem={problems[entryKey("deposit", row.member.id)]} onInput={(value) => { onType("deposits", row.member.id, value); }} />
      {row.loans.map((loan) => (
        <Amount key={loan.id} id={loan.id} kind="repayment" name={name} label={v("repayment")}
          hint={`${v("loan", { amount: showThb(loan.amount_thb) })} · ${v("dueHint", { amount: formatBaht(dueAtMeeting(loan.schedule, meetingOn)) })}`}
          value={entries.repayments[loan.id] ?? ""} problem={problems[entryKey("repayment", loan.id)]}
          onInput={(value) => { onType("repayments", loan.id, value); }} />
      ))}
    </li>
  );
}

interface AmountProps {
  id: string;
  kind: "deposit" | "repayment";
  name: string;
  label: string;
  hint: string;
  value: string;
  problem: string | undefined;
  onInput: (value: string) => void;
}

function Amount({ id, kind, name, label, hint, value, problem, onInput }: AmountProps) {
  const { v } = useTexts();
  const inputId = `${kind}-${id}`;
  const described = problem ? `${inputId}-hint ${inputId}-problem` : `${inputId}-hint`;
  return (
    <div class="amount-field">
      <label for={inputId}><span class="visually-hidden">{name}: </span>{label}</label>
      <input id={inputId} type="text" inputMode="decimal" autoComplete="off" value={value}
        aria-describedby={described} aria-invalid={problem ? "true" : undefined}
        onInput={(e) => { onInput(e.currentTarget.value); }} />
      <span id={`${inputId}-hint`} class="note">{hint}</span>
      {problem && <span id={`${inputId}-problem`} class="problem">{v(`problem_${problem}` as "problem_amount")}</span>}
    </div>
  );
}
