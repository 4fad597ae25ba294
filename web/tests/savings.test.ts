import { describe, expect, it } from "vitest";
import type { Person } from "../src/api/session";
import { isOfficer, isSavingsRoute } from "../src/savings/lazy";
import { arrearsView, dueAtMeeting, installmentState, unpaid, type Installment } from "../src/savings/loan";
import { formatBaht, showThb, toSatang, toThb } from "../src/savings/money";
import { newClientKey, sheetBody, sheetProblems, sheetTotals, within } from "../src/savings/sheet";

const person = (roles: string[]) => ({ id: "p", roles, areas: ["24010101"] }) as unknown as Person;

describe("money on the officer screens", () => {
  it("reads typed baht as whole satang, never through a float", () => {
    expect(toSatang("1,500")).toBe(150000);
    expect(toSatang(" 120.5 ")).toBe(12050);
    expect(toSatang("0.07")).toBe(7);
    expect(toSatang("0.1")).toBe(10);
    for (const bad of ["", "abc", "1.234", "-5", "1e3", "12.", ".5"]) expect(toSatang(bad)).toBeNull();
  });

  it("writes satang as the API takes it and as people read it", () => {
    expect(toThb(150005)).toBe("1500.05");
    expect(toThb(7)).toBe("0.07");
    expect(formatBaht(123456789)).toBe("1,234,567.89");
    expect(showThb("1500.00")).toBe("1,500.00");
    expect(showThb(null)).toBe("0.00");
  });
});

describe("the collection sheet", () => {
  const limits = { minDeposit: 10000, payoff: { loanA: 50000 } };

  it("adds up what is typed right, deposits and repayments apart", () => {
    const entries = {
      deposits: { m1: "100", m2: "250.50", m3: "", m4: "oops" },
      repayments: { loanA: "200.25" },
    };
    expect(sheetTotals(entries)).toEqual({ deposits: 35050, repayments: 20025, total: 55075, lines: 3 });
  });

  it("names each wrong entry: not an amount, below the minimum saving, above the payoff", () => {
    const entries = {
      deposits: { m1: "99.99", m2: "0", m3: "1.234", m4: "100", m5: " " },
      repayments: { loanA: "500.01", loanB: "1" },
    };
    expect(sheetProblems(entries, limits)).toEqual({
      "deposit:m1": "below-minimum",
      "deposit:m2": "amount",
      "deposit:m3": "amount",
      "repayment:loanA": "above-payoff",
    });
  });

  it("sends one line per filled entry, members first then loans, with the sheet's key", () => {
    const entries = { deposits: { m2: "100", m1: "1,000", m3: "" }, repayments: { loanA: "50.5" } };
    const body = sheetBody("sheet:k", "2026-12-02", entries, { members: ["m1", "m2", "m3"], loans: ["loanA"] });
    expect(body).toEqual({
      client_key: "sheet:k",
      meeting_on: "2026-12-02",
      lines: [
        { kind: "deposit", member_id: "m1", amount_thb: "1000.00" },
        { kind: "deposit", member_id: "m2", amount_thb: "100.00" },
        { kind: "repayment", loan_id: "loanA", amount_thb: "50.50" },
      ],
    });
  });

  it("keeps only the entries of members and loans on the sheet now", () => {
    const kept = { deposits: { m1: "100", gone: "100" }, repayments: { repaid: "5", loanA: "7" } };
    expect(within(kept, { members: ["m1"], loans: ["loanA"] })).toEqual({
      deposits: { m1: "100" }, repayments: { loanA: "7" },
    });
  });

  it("keys a sheet with what the API accepts as a client key", () => {
    const key = newClientKey("0b6e4f00-1111-4222-8333-444455556666");
    expect(key).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
    expect(newClientKey()).not.toBe(newClientKey());
  });
});

describe("a loan's schedule and arrears", () => {
  const installment = (seq: number, due: string, paid = "0.00"): Installment => ({
    seq, due_on: due, principal_thb: "500.00", interest_thb: "15.00",
    principal_paid_thb: paid, interest_paid_thb: paid === "0.00" ? "0.00" : "15.00",
  });
  const partly = installment(2, "2026-11-01", "100.00");
  const third = installment(3, "2026-12-01");
  const schedule = [installment(1, "2026-10-01", "500.00"), partly, third, installment(4, "2027-01-01")];

  it("marks each installment paid, late (from the day after it is due), partly paid or due", () => {
    expect(schedule.map((i) => installmentState(i, "2026-12-01"))).toEqual(["paid", "late", "due", "due"]);
    expect(installmentState(third, "2026-12-02")).toBe("late");
    expect(installmentState(installment(5, "2027-02-01", "100.00"), "2026-12-02")).toBe("partly-paid");
    expect(unpaid(partly)).toBe(40000);
  });

  it("asks at a meeting for what has fallen due, or else the next installment", () => {
    expect(dueAtMeeting(schedule, "2026-12-02")).toBe(40000 + 51500);
    expect(dueAtMeeting(schedule.slice(2), "2026-11-15")).toBe(51500);
    expect(dueAtMeeting([installment(1, "2026-10-01", "500.00")], "2026-12-02")).toBe(0);
  });

  it("shows arrears with days, ageing bucket, amount and since when; none as on time", () => {
    const late = { days_overdue: 32, bucket: "31-60", amount_thb: "1030.00", oldest_due_on: "2026-10-31" };
    expect(arrearsView(late)).toEqual({ late: true, days: 32, bucket: "31-60", satang: 103000, since: "2026-10-31" });
    const none = { days_overdue: 0, bucket: "current", amount_thb: "0.00", oldest_due_on: null };
    expect(arrearsView(none).late).toBe(false);
    expect(arrearsView(undefined)).toEqual({ late: false, days: 0, bucket: "current", satang: 0, since: null });
    expect(arrearsView({ ...late, bucket: "strange" }).bucket).toBe("current");
  });
});

describe("who gets the officer screens", () => {
  it("open for savings-group officers, at / too; supervisors keep their dashboard", () => {
    expect(isOfficer(person(["savings_group_officer"]))).toBe(true);
    expect(isOfficer(person(["volunteer_leader"]))).toBe(false);
    expect(isSavingsRoute("/", person(["savings_group_officer"]))).toBe(true);
    expect(isSavingsRoute("/", person(["volunteer_leader"]))).toBe(false);
    expect(isSavingsRoute("/savings/loans/x", person(["volunteer_leader"]))).toBe(true);
    expect(isSavingsRoute("/queue", person(["savings_group_officer"]))).toBe(false);
  });
});
