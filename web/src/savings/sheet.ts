/** A meeting's collection sheet: what the treasurer typed per member (deposit) and per loan
 * (repayment), its totals, and the sheet the API takes (blank entries left out). */
import type { components } from "../api/schema";
import { toSatang, toThb } from "./money";

export type SheetIn = components["schemas"]["CollectionSheetIn"];
type SheetLine = SheetIn["lines"][number];

/** Typed amounts: deposits by member id, repayments by loan id ("" or absent: none). */
export interface SheetEntries {
  deposits: Record<string, string>;
  repayments: Record<string, string>;
}

export interface SheetLimits {
  minDeposit: number; // satang: the group's minimum monthly saving
  payoff: Record<string, number>; // satang by loan id: more than this is refused
}

export type Problem = "amount" | "below-minimum" | "above-payoff";
/** Problems by entry: `deposit:<member id>` or `repayment:<loan id>`. */
export type Problems = Record<string, Problem>;

export interface Totals {
  deposits: number;
  repayments: number;
  total: number;
  lines: number;
}

export const entryKey = (kind: "deposit" | "repayment", id: string) => `${kind}:${id}`;

function filled(typed: Record<string, string>): [string, string][] {
  return Object.entries(typed).filter(([, value]) => value.trim() !== "");
}

/** Every typed amount that is wrong, named by its entry. */
export function sheetProblems(entries: SheetEntries, limits: SheetLimits): Problems {
  const problems: Problems = {};
  for (const [member, typed] of filled(entries.deposits)) {
    const satang = toSatang(typed);
    const key = entryKey("deposit", member);
    if (satang === null || satang === 0) problems[key] = "amount";
    else if (satang < limits.minDeposit) problems[key] = "below-minimum";
  }
  for (const [loan, typed] of filled(entries.repayments)) {
    const satang = toSatang(typed);
    const key = entryKey("repayment", loan);
    const payoff = limits.payoff[loan];
    if (satang === null || satang === 0) problems[key] = "amount";
    else if (payoff !== undefined && satang > payoff) problems[key] = "above-payoff";
  }
  return problems;
}

/** The sums of what is typed right (a wrong entry counts for nothing until it is put right). */
export function sheetTotals(entries: SheetEntries): Totals {
  const sum = (typed: Record<string, string>) =>
    filled(typed).map(([, value]) => toSatang(value) ?? 0).filter((satang) => satang > 0);
  const deposits = sum(entries.deposits);
  const repayments = sum(entries.repayments);
  const add = (all: number[]) => all.reduce((total, satang) => total + satang, 0);
  return {
    deposits: add(deposits),
    repayments: add(repayments),
    total: add(deposits) + add(repayments),
    lines: deposits.length + repayments.length,
  };
}

/** Only the entries of members and loans on the sheet now (a draft kept from another day may name
 * a loan since repaid or a member who left). */
export function within(entries: SheetEntries, order: { members: string[]; loans: string[] }): SheetEntries {
  const pick = (typed: Record<string, string>, ids: string[]) =>
    Object.fromEntries(Object.entries(typed).filter(([id]) => ids.includes(id)));
  return { deposits: pick(entries.deposits, order.members), repayments: pick(entries.repayments, order.loans) };
}

/** The sheet as the API takes it, in the order given (members, then their loans). */
export function sheetBody(
  clientKey: string,
  meetingOn: string,
  entries: SheetEntries,
  order: { members: string[]; loans: string[] },
): SheetIn {
  const lines: SheetLine[] = [];
  for (const member of order.members) {
    const satang = toSatang(entries.deposits[member] ?? "");
    if (satang) lines.push({ kind: "deposit", member_id: member, amount_thb: toThb(satang) });
  }
  for (const loan of order.loans) {
    const satang = toSatang(entries.repayments[loan] ?? "");
    if (satang) lines.push({ kind: "repayment", loan_id: loan, amount_thb: toThb(satang) });
  }
  return { client_key: clientKey, meeting_on: meetingOn, lines };
}

/** A sheet's own key (1-100 of A-Z a-z 0-9 . _ : -): made once, when the sheet is started, and
 * sent with every resend, so the API posts the sheet once however often it arrives. */
export function newClientKey(uuid: string = crypto.randomUUID()): string {
  return `sheet:${uuid}`;
}
