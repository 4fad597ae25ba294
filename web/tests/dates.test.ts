import { describe, expect, it } from "vitest";
import { dayToInstant, formatDate, formatDateTime, todayIso } from "../src/dates";
import { dueFirst, dueOf, type HouseholdSummary } from "../src/households";

describe("dates", () => {
  it("shows the Buddhist Era year in Thai and the Gregorian one in English", () => {
    expect(formatDate("2026-12-02", "th")).toContain("2569");
    expect(formatDate("2026-12-02", "en")).toBe("2 Dec 2026");
    expect(formatDate(null, "th")).toBe("–");
  });

  it("reads today and a chosen day in Bangkok's time", () => {
    expect(todayIso(new Date("2026-12-01T18:30:00Z"))).toBe("2026-12-02");
    const afternoon = new Date("2026-12-02T09:00:00Z"); // 16:00 in Bangkok
    expect(dayToInstant("2026-12-02", afternoon)).toBe("2026-12-02T05:00:00.000Z");
    expect(dayToInstant("2026-11-30", afternoon)).toBe("2026-11-30T05:00:00.000Z");
  });

  it("sends a visit logged before noon in Bangkok at the moment it is logged, never ahead", () => {
    const night = new Date("2026-12-02T19:30:00Z"); // 02:30 on 3 December in Bangkok
    expect(todayIso(night)).toBe("2026-12-03");
    expect(dayToInstant("2026-12-03", night)).toBe("2026-12-02T19:30:00.000Z");
    expect(dayToInstant("2026-12-02", night)).toBe("2026-12-02T05:00:00.000Z");
  });
});

describe("what is due first", () => {
  const household = (id: string, stage: string, due: string | null, returned = false): HouseholdSummary => ({
    id, stage, next_visit_due: due, village_code: "24010101", size: 3, plan_returned: returned,
  });

  it("puts overdue visits first, then consent to ask, then by the next visit", () => {
    const list = [
      household("later", "care", "2027-01-10"),
      household("consent", "target", null),
      household("overdue", "care", "2026-11-01"),
      household("soon", "care", "2026-12-05"),
    ];
    expect(dueFirst(list, "2026-12-02").map((h) => h.id)).toEqual([
      "overdue", "consent", "soon", "later",
    ]);
    expect(dueOf(household("x", "care", "2026-11-01"), "2026-12-02")).toEqual(["overdue"]);
    expect(dueOf(household("y", "target", "2026-12-05"), "2026-12-02")).toEqual(["consent"]);
  });

  it("puts a plan returned to rework after overdue visits and before consent", () => {
    const list = [
      household("consent", "target", null),
      household("returned", "compass", "2027-01-10", true),
      household("overdue", "care", "2026-11-01"),
    ];
    expect(dueFirst(list, "2026-12-02").map((h) => h.id)).toEqual(["overdue", "returned", "consent"]);
    expect(dueOf(household("z", "compass", "2026-11-01", true), "2026-12-02")).toEqual([
      "overdue", "returned",
    ]);
  });
});

describe("formatDateTime", () => {
  it("gives the Buddhist year and the time of day in Bangkok", () => {
    const text = formatDateTime("2026-11-30T17:30:00Z", "th");
    expect(text).toContain("2569");
    expect(text).toContain("00:30"); // 1 December, 00:30 in Bangkok
    expect(formatDateTime("2026-11-30T17:30:00Z", "en")).toContain("1 Dec 2026");
  });
});
