import { describe, expect, it } from "vitest";
import { caseListQueryOf, caseListSearch } from "../src/supervise/filters";
import { teamLink } from "../src/supervise/TeamsSideBySide";

const HOME = "2401";

describe("the supervisor's case list", () => {
  it("reads every filter of the list route from the URL and writes it back the same", () => {
    const text = "?area=240101&stage=care&overdue=true&plan_waiting=true&fails_income=true&team_id=t-1&order=priority";
    const query = caseListQueryOf(new URLSearchParams(text), HOME);
    expect(query).toEqual({
      area: "240101",
      filter: { stage: "care", overdue: true, plan_waiting: true, fails_income: true, team_id: "t-1", order: "priority" },
    });
    expect(caseListSearch(query, HOME)).toBe(text);
  });

  it("keeps to the supervisor's area and drops what the API would refuse", () => {
    const query = caseListQueryOf(new URLSearchParams("area=2001&stage=flying&overdue=yes&order=random"), HOME);
    expect(query).toEqual({ area: HOME, filter: {} });
    expect(caseListSearch(query, HOME)).toBe("");
  });

  it("opens a team's cases and its overdue visits from the teams side by side", () => {
    expect(teamLink("t 1", "open_cases")).toBe("/supervise/households?team_id=t%201");
    expect(teamLink("t1", "overdue_visits")).toBe("/supervise/households?team_id=t1&overdue=true");
    expect(teamLink("t1", "graduation_rate")).toBeUndefined();
  });
});
