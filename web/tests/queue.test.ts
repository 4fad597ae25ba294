import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { OfflineQueue, type Outcome } from "../src/queue/queue";
import { openStore, type QueuedWrite, type Store } from "../src/queue/store";

let store: Store;
let counter = 0;
const keys = () => `key-${++counter}`;

beforeEach(async () => {
  store = await openStore(`test-${crypto.randomUUID()}`);
});

function visit(label: string) {
  return {
    kind: "visit" as const,
    method: "POST" as const,
    path: "/api/v1/households/h1/visits",
    body: { notes: label },
    householdId: "h1",
    label,
  };
}

/** A server that applies each Idempotency-Key once, answering as scripted. */
function server(script: Outcome["kind"][] = []) {
  const applied = new Map<string, string>();
  const seen: string[] = [];
  const send = (item: QueuedWrite): Promise<Outcome> => {
    seen.push(item.label);
    const next = script.shift() ?? "sent";
    if (next === "sent") applied.set(item.idempotencyKey, item.label);
    if (next === "failed") return Promise.resolve({ kind: "failed", detail: "no" });
    return Promise.resolve({ kind: next } as Outcome);
  };
  return { send, applied, seen };
}

describe("OfflineQueue", () => {
  it("sends a change only under the sign-in of the person who made it", async () => {
    const queue = new OfflineQueue(store, keys);
    queue.setOwner("somchai");
    await queue.add(visit("somchai's visit"));
    queue.setOwner("malee"); // another person signs in on the same phone
    await queue.add(visit("malee's visit"));
    const http = server();
    expect(await queue.send(http.send)).toBe("done");
    expect(http.seen).toEqual(["malee's visit"]);
    expect((await queue.items()).map((i) => i.label)).toEqual(["malee's visit"]);
    expect(await queue.pending()).toBe(0);
    queue.setOwner("somchai"); // back: their change waited for them
    expect(await queue.pending()).toBe(1);
    expect(await queue.send(http.send)).toBe("done");
    expect(http.seen).toEqual(["malee's visit", "somchai's visit"]);
  });

  it("gives every change its own key and sends them in order, once each", async () => {
    const queue = new OfflineQueue(store, keys);
    await queue.add(visit("first"));
    await queue.add(visit("second"));
    const http = server();
    expect(await queue.send(http.send)).toBe("done");
    expect(http.seen).toEqual(["first", "second"]);
    expect(new Set(http.applied.keys()).size).toBe(2);
    expect(await queue.send(http.send)).toBe("done");
    expect(http.seen).toEqual(["first", "second"]); // nothing is sent twice
    expect((await queue.items()).map((i) => i.state)).toEqual(["sent", "sent"]);
  });

  it("stops when the signal goes and resumes from the same item with the same key", async () => {
    const queue = new OfflineQueue(store, keys);
    const first = await queue.add(visit("first"));
    await queue.add(visit("second"));
    const http = server(["offline"]);
    expect(await queue.send(http.send)).toBe("offline");
    expect((await queue.items()).map((i) => i.state)).toEqual(["waiting", "waiting"]);
    expect(await queue.send(http.send)).toBe("done");
    expect(http.seen).toEqual(["first", "first", "second"]);
    expect([...http.applied.entries()][0]).toEqual([first.idempotencyKey, "first"]);
  });

  it("keeps items waiting for the next sign-in when the session expired", async () => {
    const queue = new OfflineQueue(store, keys);
    await queue.add(visit("first"));
    expect(await queue.send(server(["unauthorized"]).send)).toBe("unauthorized");
    expect(await queue.pending()).toBe(1);
    expect((await queue.items())[0]?.state).toBe("waiting");
  });

  it("survives a reload: a new queue on the same database sends what waits", async () => {
    const name = `reload-${crypto.randomUUID()}`;
    const before = new OfflineQueue(await openStore(name), keys);
    const added = await before.add(visit("made offline"));
    const after = new OfflineQueue(await openStore(name), keys);
    const http = server();
    await after.send(http.send);
    expect([...http.applied.keys()]).toEqual([added.idempotencyKey]);
  });

  it("resends an item caught mid-send (page closed) with its first key", async () => {
    const queue = new OfflineQueue(store, keys);
    const added = await queue.add(visit("interrupted"));
    await store.put("queue", { ...added, state: "sending" });
    const http = server();
    await queue.send(http.send);
    expect([...http.applied.keys()]).toEqual([added.idempotencyKey]);
  });

  it("shows an item caught mid-send as waiting again on the next start, key unchanged", async () => {
    const queue = new OfflineQueue(store, keys);
    const added = await queue.add(visit("interrupted"));
    await queue.add(visit("untouched"));
    await store.put("queue", { ...added, state: "sending" });
    const restarted = new OfflineQueue(store, keys);
    await restarted.recover();
    const items = await restarted.items();
    expect(items.map((item) => item.state)).toEqual(["waiting", "waiting"]);
    expect(items[0]?.idempotencyKey).toBe(added.idempotencyKey);
  });

  it("marks a refused change failed, goes on with the next, and resends it with a new key", async () => {
    const queue = new OfflineQueue(store, keys);
    const refused = await queue.add(visit("refused"));
    await queue.add(visit("next"));
    const http = server(["failed"]);
    await queue.send(http.send);
    const [first, second] = await queue.items();
    expect(first?.state).toBe("failed");
    expect(first?.detail).toBe("no");
    expect(second?.state).toBe("sent");
    await queue.retry(refused.id);
    const retried = (await queue.items())[0];
    expect(retried?.state).toBe("waiting");
    expect(retried?.idempotencyKey).not.toBe(refused.idempotencyKey);
  });

  it("settles a stale version by retrying the merged change under a new key", async () => {
    const queue = new OfflineQueue(store, keys);
    const added = await queue.add({ ...visit("edit"), kind: "household", method: "PATCH", ifMatch: 3 });
    const attempts: QueuedWrite[] = [];
    const outcomes: Outcome[] = [
      { kind: "retry", body: { size: 5 }, ifMatch: 4, base: { size: 4 } },
      { kind: "sent" },
    ];
    await queue.send((item) => {
      attempts.push(item);
      return Promise.resolve(outcomes.shift() ?? { kind: "sent" });
    });
    expect(attempts.map((a) => a.ifMatch)).toEqual([3, 4]);
    expect(attempts[1]?.idempotencyKey).not.toBe(added.idempotencyKey);
    expect((await queue.items())[0]?.state).toBe("sent");
  });

  it("shares one run between two callers, so nothing is sent twice at once", async () => {
    const queue = new OfflineQueue(store, keys);
    await queue.add(visit("only"));
    const http = server();
    await Promise.all([queue.send(http.send), queue.send(http.send)]);
    expect(http.seen).toEqual(["only"]);
  });

  it("sends a change queued while a run is going on in that same run", async () => {
    const queue = new OfflineQueue(store, keys);
    await queue.add(visit("consent"));
    const http = server();
    const run = queue.send(async (item) => {
      if (item.label === "consent") await queue.add(visit("visit made meanwhile"));
      return http.send(item);
    });
    await queue.send(http.send); // the second caller joins the run under way
    expect(await run).toBe("done");
    expect(http.seen).toEqual(["consent", "visit made meanwhile"]);
  });

  it("looks again when asked during a run, after the run last looked (no change left behind)", async () => {
    let queue: OfflineQueue | null = null;
    let late = false;
    const http = server();
    // The store answers the run's last look (nothing waits), then a change is queued and sent
    // before the run has ended: the moment a page's save lands just as a run finishes.
    const hooked = new Proxy(store, {
      get(target, name: keyof Store) {
        const real = Reflect.get(target, name) as unknown;
        if (name !== "getAll" || typeof real !== "function") {
          return typeof real === "function" ? (real as (...a: unknown[]) => unknown).bind(target) : real;
        }
        return async (...args: Parameters<Store["getAll"]>) => {
          const items = await target.getAll(...args);
          if (!late && queue && items.length > 0 && (items as QueuedWrite[]).every((i) => i.state === "sent")) {
            late = true;
            await queue.add(visit("late"));
            void queue.send(http.send);
          }
          return items;
        };
      },
    });
    queue = new OfflineQueue(hooked, keys);
    await queue.add(visit("first"));
    expect(await queue.send(http.send)).toBe("done");
    expect(http.seen).toEqual(["first", "late"]);
    expect((await queue.items()).map((i) => i.state)).toEqual(["sent", "sent"]);
  });

  it("tells its listeners, for the badge", async () => {
    const queue = new OfflineQueue(store, keys);
    const counts: number[] = [];
    queue.subscribe((items) => counts.push(items.filter((i) => i.state !== "sent").length));
    await queue.add(visit("one"));
    await queue.send(server().send);
    expect(counts[0]).toBe(1);
    expect(counts.at(-1)).toBe(0);
  });
});
