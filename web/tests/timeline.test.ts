import { describe, expect, it } from "vitest";
import { actor, timeline } from "../src/timeline";

describe("the case timeline", () => {
  it("puts stage moves and plan steps together, newest first, with who and why", () => {
    const entries = timeline(
      [
        { changed_at: "2026-11-01T03:00:00Z", changed_by: "p-lead", from_stage: "registered", to_stage: "target", reason: "BMN 2026" },
        { changed_at: "2026-11-02T03:00:00Z", changed_by: "p-lead", from_stage: "target", to_stage: "compass", reason: "consented" },
      ],
      [
        {
          number: 1,
          status: "draft", // returned, then edited again: the decision is still on it
          created_at: "2026-11-03T03:00:00Z",
          created_by: "p-coord",
          submitted_at: "2026-11-04T03:00:00Z",
          submitted_by: "p-coord",
          decided_at: "2026-11-05T03:00:00Z",
          decided_by: "p-exp",
          decision_reason: "no baseline",
        },
      ],
    );
    expect(entries.map((e) => [e.what.kind === "stage" ? e.what.to : e.what.step, e.by, e.why])).toEqual([
      ["returned", "p-exp", "no baseline"],
      ["submitted", "p-coord", null],
      ["created", "p-coord", null],
      ["compass", "p-lead", "consented"],
      ["target", "p-lead", "BMN 2026"],
    ]);
  });

  it("names people as the field worker knows them", () => {
    const seats = [{ person_id: "p-coord", role: "subdistrict_coordinator" }];
    expect(actor("p-lead", "p-lead", seats)).toEqual({ kind: "you" });
    expect(actor("p-coord", "p-lead", seats)).toEqual({ kind: "seat", role: "subdistrict_coordinator" });
    expect(actor("0123456789abcdef", "p-lead", seats)).toEqual({ kind: "other", id: "01234567" });
  });
});
