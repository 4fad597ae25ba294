import { afterEach, describe, expect, it, vi } from "vitest";
import { sendOverHttp } from "../src/queue/send";
import type { QueuedWrite } from "../src/queue/store";

const base = { annual_income_thb: "30000.00", size: 4, house_no: "12" };

function edit(body: Record<string, unknown>): QueuedWrite {
  return {
    id: 1,
    idempotencyKey: "key-00000001",
    kind: "household",
    method: "PATCH",
    path: "/api/v1/households/h1",
    body,
    householdId: "h1",
    label: "correction",
    createdAt: "2026-12-02T00:00:00Z",
    state: "sending",
    ifMatch: 3,
    base,
  };
}

/** A server whose write answers `status` and whose household now reads as `now` (version 4). */
function serverAnswering(status: number, now: Record<string, unknown>) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    const body = init?.method ? { title: "Precondition failed" } : { ...now, version: 4 };
    return Promise.resolve(new Response(JSON.stringify(body), { status: init?.method ? status : 200 }));
  });
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sendOverHttp", () => {
  it("sends a POST with its Idempotency-Key and a write with its If-Match", async () => {
    const requests = serverAnswering(201, {});
    const visit = { ...edit({ notes: "x" }), kind: "visit" as const, method: "POST" as const };
    expect(await sendOverHttp(visit)).toEqual({ kind: "sent" });
    const headers = new Headers(requests[0]?.init?.headers);
    expect(headers.get("Idempotency-Key")).toBe("key-00000001");
    expect(headers.get("If-Match")).toBe('"3"');
  });

  it("sends a collection sheet with its own client key, the same on every resend", async () => {
    const requests = serverAnswering(201, {});
    const body = { client_key: "sheet:k1", meeting_on: "2026-12-02", lines: [] };
    const sheet: QueuedWrite = {
      ...edit(body), kind: "sheet", method: "POST", path: "/api/v1/savings-groups/g1/collection-sheets",
    };
    delete sheet.ifMatch;
    expect(await sendOverHttp(sheet)).toEqual({ kind: "sent" });
    expect(await sendOverHttp(sheet)).toEqual({ kind: "sent" });
    for (const request of requests) {
      expect(new Headers(request.init?.headers).get("Idempotency-Key")).toBeNull();
      expect(JSON.parse(request.init?.body as string)).toEqual(body);
    }
    expect(requests).toHaveLength(2);
  });

  it("merges a stale edit with a change made elsewhere to another field", async () => {
    serverAnswering(412, { ...base, house_no: "12/1" });
    expect(await sendOverHttp(edit({ size: 5 }))).toEqual({
      kind: "retry",
      body: { size: 5 },
      ifMatch: 4,
      base: { ...base, house_no: "12/1" },
    });
  });

  it("lists a field changed on both sides as a conflict", async () => {
    serverAnswering(412, { ...base, size: 6 });
    const outcome = await sendOverHttp(edit({ size: 5 }));
    expect(outcome).toMatchObject({
      kind: "conflict",
      version: 4,
      conflicts: [{ field: "size", base: 4, mine: 5, theirs: 6 }],
    });
  });

  it("counts an edit the server already holds as sent", async () => {
    serverAnswering(412, { ...base, size: 5 });
    expect(await sendOverHttp(edit({ size: 5 }))).toEqual({ kind: "sent" });
  });

  it("keeps an item waiting when there is no signal or the session expired", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await sendOverHttp(edit({ size: 5 }))).toEqual({ kind: "offline" });
    serverAnswering(401, {});
    expect(await sendOverHttp(edit({ size: 5 }))).toEqual({ kind: "unauthorized" });
  });

  it("reports a refusal with the problem's detail", async () => {
    vi.stubGlobal("fetch", () =>
      Promise.resolve(new Response(JSON.stringify({ detail: "size must be 1-30" }), { status: 422 })),
    );
    expect(await sendOverHttp(edit({ size: 99 }))).toEqual({
      kind: "failed",
      detail: "size must be 1-30",
    });
  });
});
