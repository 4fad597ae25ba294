import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { threeWayMerge } from "../src/merge";
import { planBody, planFields, type Capital, type PlanOut, type SavePlan } from "../src/plan";
import { OfflineQueue, type Outcome } from "../src/queue/queue";
import { mergedPlan, sendOverHttp } from "../src/queue/send";
import { openStore, type QueuedWrite, type Store } from "../src/queue/store";
import { bodyAfterChoices, queuePlanEdit, queuePlanSubmission, queueVisit } from "../src/writes";

const goal = (capital: Capital, target: string) => ({
  capital,
  description: `more ${capital}`,
  baseline: "little",
  target,
});

const started: SavePlan = {
  problems: ["debt"],
  needs: ["work"],
  goals: [goal("human", "a course"), goal("economic", "3000 a month")],
  livelihood: "rice",
  requested_support: [],
};

function edited(change: Partial<SavePlan>): SavePlan {
  return { ...started, ...change };
}

function planEdit(body: SavePlan, base: SavePlan = started): QueuedWrite {
  return {
    id: 1,
    idempotencyKey: "key-00000001",
    kind: "plan",
    method: "PUT",
    path: "/api/v1/households/h1/plan",
    body: { ...body },
    base: planFields(base),
    householdId: "h1",
    label: "plan",
    createdAt: "2026-12-02T00:00:00Z",
    state: "sending",
    ifMatch: 2,
    chain: "plan:h1",
  };
}

const onServer = (content: SavePlan): PlanOut => ({ ...content, status: "draft", number: 1, version: 3 });

describe("plan fields", () => {
  it("split the goals by capital and rebuild the same plan", () => {
    const fields = planFields(started);
    expect(fields["goals.human"]).toEqual([goal("human", "a course")]);
    expect(fields["goals.social"]).toEqual([]);
    expect(planBody(fields)).toEqual(started);
  });

  it("let goals of different capitals changed on each side merge by themselves", () => {
    const mine = edited({ goals: [goal("human", "two courses"), goal("economic", "3000 a month")] });
    const theirs = edited({ goals: [goal("human", "a course"), goal("economic", "5000 a month")] });
    const result = threeWayMerge(planFields(started), planFields(mine), planFields(theirs));
    expect(result.conflicts).toEqual([]);
    expect(planBody(result.merged).goals).toEqual([goal("human", "two courses"), goal("economic", "5000 a month")]);
  });
});

describe("a stale plan edit (412)", () => {
  it("is merged and sent again with the new version when the sides changed different parts", () => {
    const mine = edited({ livelihood: "mushrooms" });
    const theirs = edited({ goals: [goal("human", "a course"), goal("economic", "5000 a month")] });
    const outcome = mergedPlan(planEdit(mine), onServer(theirs), 3);
    expect(outcome.kind).toBe("retry");
    const retry = outcome as Extract<Outcome, { kind: "retry" }>;
    expect(retry.ifMatch).toBe(3);
    expect(retry.body).toEqual({ ...theirs, livelihood: "mushrooms" });
    expect(retry.base).toEqual(planFields(theirs));
  });

  it("asks the person about a part both sides changed, with the rest merged", () => {
    const mine = edited({ livelihood: "mushrooms", needs: ["a loan"] });
    const theirs = edited({ livelihood: "fish" });
    const outcome = mergedPlan(planEdit(mine), onServer(theirs), 3);
    expect(outcome.kind).toBe("conflict");
    const conflict = outcome as Extract<Outcome, { kind: "conflict" }>;
    expect(conflict.conflicts).toEqual([{ field: "livelihood", base: "rice", mine: "mushrooms", theirs: "fish" }]);
    const item: QueuedWrite = {
      ...planEdit(mine),
      state: "conflict",
      conflicts: conflict.conflicts,
      theirs: conflict.theirs,
      theirsVersion: conflict.version,
      ...(conflict.merged ? { merged: conflict.merged } : {}),
    };
    expect(bodyAfterChoices(item, { livelihood: "mine" })).toEqual({ ...started, needs: ["a loan"], livelihood: "mushrooms" });
    expect(bodyAfterChoices(item, { livelihood: "theirs" })).toEqual({ ...started, needs: ["a loan"], livelihood: "fish" });
  });

  it("counts as sent when the server already holds the edit (a resend after a lost answer)", () => {
    const mine = edited({ livelihood: "mushrooms" });
    expect(mergedPlan(planEdit(mine), onServer(mine), 3)).toEqual({ kind: "sent" });
  });
});

describe("the chooser's answer for a household correction", () => {
  it("is still the changed fields only (a PATCH), with the chosen side", () => {
    const item: QueuedWrite = {
      ...planEdit(started),
      kind: "household",
      method: "PATCH",
      body: { house_no: "12/1", size: 5 },
      state: "conflict",
      conflicts: [{ field: "house_no", base: "12", mine: "12/1", theirs: "12/2" }],
      theirs: { house_no: "12/2", size: 4, annual_income_thb: "30000.00" },
      theirsVersion: 7,
    };
    expect(bodyAfterChoices(item, { house_no: "mine" })).toEqual({ house_no: "12/1", size: 5 });
    expect(bodyAfterChoices(item, { house_no: "theirs" })).toEqual({ size: 5 });
  });
});

describe("sending plan changes over HTTP", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads the plan again after a 412 and sends a submission with the plan's current version", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
      urls.push(`${init?.method ?? "GET"} ${url}`);
      const answer = init?.method ? { title: "Precondition required" } : { plan: onServer(started) };
      return Promise.resolve(new Response(JSON.stringify(answer), { status: init?.method ? 428 : 200 }));
    });
    const submission: QueuedWrite = { ...planEdit(started), kind: "plan-submit", method: "POST", body: {} };
    const outcome = await sendOverHttp(submission);
    expect(outcome).toEqual({ kind: "retry", body: {}, ifMatch: 3, base: {} });
    expect(urls).toEqual(["POST /api/v1/households/h1/plan", "GET /api/v1/households/h1/case?visits=1"]);
  });
});

describe("the plan's chain in the queue", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(`plan-${crypto.randomUUID()}`);
  });

  it("holds a submission back while the edit before it waits for a choice; other work goes on", async () => {
    let n = 0;
    const queue = new OfflineQueue(store, () => `key-${String(++n)}`);
    await queuePlanEdit(queue, "h1", { plan: edited({ livelihood: "x" }), startedFrom: started, version: 2 }, "edit");
    await queuePlanSubmission(queue, "h1", 2, "submit");
    await queueVisit(queue, "h1", { visited_at: "2026-12-01T05:00:00Z", wellbeing: 3, notes: "n" }, "visit");
    const seen: string[] = [];
    const conflict: Outcome = { kind: "conflict", conflicts: [], theirs: {}, version: 3 };
    const sender = (item: QueuedWrite): Promise<Outcome> => {
      seen.push(item.label);
      return Promise.resolve(item.kind === "plan" && seen.length === 1 ? conflict : { kind: "sent" });
    };
    expect(await queue.send(sender)).toBe("done");
    expect(seen).toEqual(["edit", "visit"]);
    expect((await queue.items()).map((i) => i.state)).toEqual(["conflict", "waiting", "sent"]);
    const edit = (await queue.items())[0];
    await queue.retry(edit?.id ?? 0, { ...started });
    expect(await queue.send(sender)).toBe("done");
    expect(seen).toEqual(["edit", "visit", "edit", "submit"]);
    expect((await queue.items()).map((i) => i.state)).toEqual(["sent", "sent", "sent"]);
  });

  it("queues the first draft without If-Match and later edits with the version read", async () => {
    const queue = new OfflineQueue(store);
    const first = await queuePlanEdit(queue, "h1", { plan: started, startedFrom: {}, version: undefined }, "draft");
    expect(first.ifMatch).toBeUndefined();
    expect(first.method).toBe("PUT");
    const next = await queuePlanEdit(queue, "h1", { plan: started, startedFrom: started, version: 4 }, "edit");
    expect(next.ifMatch).toBe(4);
    expect(next.base).toEqual(planFields(started));
  });
});
