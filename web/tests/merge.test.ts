import { describe, expect, it } from "vitest";
import { changedFields, settle, threeWayMerge } from "../src/merge";

const base = { annual_income_thb: "30000.00", size: 4, house_no: "12" };

describe("threeWayMerge", () => {
  it("takes a field changed on one side only from that side", () => {
    const mine = { ...base, size: 5 };
    const theirs = { ...base, house_no: "12/1" };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({ annual_income_thb: "30000.00", size: 5, house_no: "12/1" });
  });

  it("lists a field both sides changed differently, keeping theirs until chosen", () => {
    const mine = { ...base, annual_income_thb: "36000.00" };
    const theirs = { ...base, annual_income_thb: "32000.00", size: 3 };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([
      { field: "annual_income_thb", base: "30000.00", mine: "36000.00", theirs: "32000.00" },
    ]);
    expect(result.merged).toEqual({ ...base, annual_income_thb: "32000.00", size: 3 });
  });

  it("is no conflict when both sides made the same change", () => {
    const same = { ...base, size: 6 };
    expect(threeWayMerge(base, same, { ...same }).conflicts).toEqual([]);
  });

  it("compares nested values by content, not by key order", () => {
    const b = { goal: { capital: "human", target: 1 } };
    const mine = { goal: { target: 1, capital: "human" } };
    const theirs = { goal: { capital: "human", target: 2 } };
    const result = threeWayMerge(b, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual(theirs);
  });

  it("keeps a deletion made on one side", () => {
    const result = threeWayMerge({ note: "a", size: 1 }, { size: 1 }, { note: "a", size: 2 });
    expect(result.merged).toEqual({ size: 2 });
  });
});

describe("settle", () => {
  it("applies the person's choice per conflicting field", () => {
    const result = threeWayMerge(
      base,
      { ...base, size: 5, house_no: "9" },
      { ...base, size: 7, house_no: "8" },
    );
    const settled = settle(result, { size: "mine", house_no: "theirs" });
    expect(settled).toEqual({ ...base, size: 5, house_no: "8" });
  });
});

describe("changedFields", () => {
  it("is what differs from the current object", () => {
    expect(changedFields(base, { ...base, size: 2 })).toEqual({ size: 2 });
  });
});
