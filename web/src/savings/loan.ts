/** A loan's schedule and arrears as the officer reads them. */
import type { components } from "../api/schema";
import { apiSatang } from "./money";

export type Installment = components["schemas"]["InstallmentOut"];
export type Arrears = components["schemas"]["ArrearsOut"];
export type InstallmentState = "paid" | "late" | "partly-paid" | "due";

/** What an installment still owes, in satang. */
export function unpaid(installment: Installment): number {
  const owed = apiSatang(installment.principal_thb) + apiSatang(installment.interest_thb);
  const paid = apiSatang(installment.principal_paid_thb) + apiSatang(installment.interest_paid_thb);
  return Math.max(0, owed - paid);
}

/** Paid in full; late from the day after its due date (as the API counts arrears); else due. */
export function installmentState(installment: Installment, today: string): InstallmentState {
  if (unpaid(installment) === 0) return "paid";
  if ((installment.due_on ?? "") < today) return "late";
  const paid = apiSatang(installment.principal_paid_thb) + apiSatang(installment.interest_paid_thb);
  return paid > 0 ? "partly-paid" : "due";
}

/** What falls due on or before a meeting day and is not paid yet, in satang; when nothing is,
 * the next installment (what a member usually brings to the meeting). */
export function dueAtMeeting(installments: Installment[], meetingOn: string): number {
  const owing = installments.filter((i) => unpaid(i) > 0);
  const due = owing.filter((i) => (i.due_on ?? "") <= meetingOn);
  if (due.length > 0) return due.reduce((sum, i) => sum + unpaid(i), 0);
  const next = owing[0];
  return next ? unpaid(next) : 0;
}

export type Bucket = "current" | "1-30" | "31-60" | "61-90" | "over-90";
const BUCKETS: readonly string[] = ["current", "1-30", "31-60", "61-90", "over-90"];

export interface ArrearsView {
  late: boolean;
  days: number;
  bucket: Bucket;
  satang: number;
  since: string | null;
}

/** The API's arrears, read for display: how late, in which ageing bucket, how much, since when. */
export function arrearsView(arrears: Arrears | undefined): ArrearsView {
  const days = arrears?.days_overdue ?? 0;
  const bucket = BUCKETS.includes(arrears?.bucket ?? "") ? (arrears?.bucket as Bucket) : "current";
  const satang = apiSatang(arrears?.amount_thb);
  return { late: days > 0 && satang > 0, days, bucket, satang, since: arrears?.oldest_due_on ?? null };
}
