import { describe, expect, it } from "vitest";
import type { Person } from "../src/api/session";
import { excelLink, fiscalYearOf } from "../src/supervise/data";
import { isSupervisor, isSupervisorRoute } from "../src/supervise/lazy";
import { superviseTranslator } from "../src/supervise/text";

const person = (roles: string[]) => ({ id: "p", roles, areas: ["2401"] }) as unknown as Person;

describe("the supervisor screens", () => {
  it("count the Buddhist-era fiscal year from 1 October", () => {
    expect(fiscalYearOf("2026-09-30")).toBe(2569);
    expect(fiscalYearOf("2026-10-01")).toBe(2570);
    expect(fiscalYearOf("2027-01-15")).toBe(2570);
  });

  it("link the Excel download with the report's area, year and language", () => {
    expect(excelLink("cases", "2401", 2570, "th")).toBe(
      "/api/v1/reports/cases?area=2401&fiscal_year=2570&format=xlsx&lang=th",
    );
  });

  it("open for district experts and supervisors, at / too; not for field workers", () => {
    expect(isSupervisor(person(["district_supervisor"]))).toBe(true);
    expect(isSupervisor(person(["volunteer_leader"]))).toBe(false);
    expect(isSupervisorRoute("/", person(["provincial_supervisor"]))).toBe(true);
    expect(isSupervisorRoute("/", person(["subdistrict_coordinator"]))).toBe(false);
    expect(isSupervisorRoute("/supervise/plans", person(["subdistrict_coordinator"]))).toBe(true);
    expect(isSupervisorRoute("/households/x", person(["district_expert"]))).toBe(false);
  });

  it("speak Thai and English with the same placeholders", () => {
    const [th, en] = [superviseTranslator("th"), superviseTranslator("en")];
    expect(th("openAtLevel", { level: 2, who: th("level1") })).toBe("ระดับ 2: พัฒนาการอำเภอ");
    expect(en("openAtLevel", { level: 2, who: en("level1") })).toBe("Level 2: the district supervisor");
  });
});
