/**
 * Changes made on the phone, kept in IndexedDB until the server has them. Each carries its own
 * Idempotency-Key from the moment it is queued, so a resend (after a lost answer, a reload, a
 * crash mid-send) is answered with the first result and never applied twice. Items are sent in
 * the order they were made; losing the signal or the sign-in stops the run and keeps the rest
 * waiting for the next one. Each change belongs to the person who made it: on a shared phone,
 * another person's sign-in neither shows nor sends it; it waits for its owner's next sign-in.
 */
import type { Fields, FieldConflict } from "../merge";
import type { NewWrite, QueuedWrite, Store } from "./store";

export type Outcome =
  | { kind: "sent" }
  | { kind: "offline" }
  | { kind: "unauthorized" }
  | { kind: "retry"; body: Fields; ifMatch: number; base: Fields }
  | { kind: "conflict"; conflicts: FieldConflict[]; theirs: Fields; version: number; merged?: Fields }
  | { kind: "failed"; detail: string };

export type Sender = (item: QueuedWrite) => Promise<Outcome>;
export type RunResult = "done" | "offline" | "unauthorized";
type Listener = (items: QueuedWrite[]) => void;

const MAX_RETRIES_PER_RUN = 3;

export class OfflineQueue {
  private running: Promise<RunResult> | null = null;
  private askedAgain = false; // send() was called during a run: look once more before ending
  private owner: string | null = null; // the person signed in; null: nobody known yet
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly store: Store,
    private readonly newKey: () => string = () => crypto.randomUUID(),
  ) {}

  /** Who is signed in now: their changes are the ones listed, counted and sent. */
  setOwner(personId: string | null): void {
    if (personId === this.owner) return;
    this.owner = personId;
    void this.changed();
  }

  async add(write: NewWrite): Promise<QueuedWrite> {
    const item = {
      ...write,
      ...(this.owner === null ? {} : { owner: this.owner }),
      idempotencyKey: this.newKey(),
      createdAt: new Date().toISOString(),
      state: "waiting",
    } as QueuedWrite;
    const id = await this.store.add("queue", item);
    await this.changed();
    return { ...item, id };
  }

  /** The signed-in person's changes (and any made before changes had owners). */
  async items(): Promise<QueuedWrite[]> {
    const all = await this.store.getAll("queue");
    return all.filter((item) => this.belongs(item));
  }

  private belongs(item: QueuedWrite): boolean {
    return this.owner === null || item.owner === undefined || item.owner === this.owner;
  }

  async pending(): Promise<number> {
    return (await this.items()).filter((item) => item.state !== "sent").length;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Send what waits, in order; one run at a time (a second caller shares the first's run). A
   * call during a run makes the run look again before it ends: a change queued just after the
   * run last looked would otherwise wait for the next trigger.
   */
  send(sender: Sender): Promise<RunResult> {
    if (this.running) {
      this.askedAgain = true;
      return this.running;
    }
    const run = this.withLock(async () => {
      let result: RunResult;
      do {
        this.askedAgain = false;
        result = await this.sendAll(sender);
      } while (result === "done" && this.wasAskedAgain());
      return result;
    });
    this.running = run.finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private wasAskedAgain(): boolean {
    return this.askedAgain; // set by send() while sendAll ran
  }

  /**
   * A page closed mid-send leaves its item "sending" in IndexedDB. Under the lock (no tab is
   * sending now) it waits again for the next run, with the same key, so the resend stays safe.
   */
  async recover(): Promise<void> {
    await this.withLock(async () => {
      for (const item of await this.store.getAll("queue")) {
        if (item.state === "sending") await this.update(item.id, (it) => ({ ...it, state: "waiting" }));
      }
    });
  }

  async retry(id: number, body?: Fields): Promise<void> {
    await this.update(id, (item) => ({
      ...item,
      state: "waiting",
      idempotencyKey: this.newKey(),
      ...(body ? { body, ifMatch: item.theirsVersion, base: item.theirs } : {}),
    }));
  }

  async discard(id: number): Promise<void> {
    await this.store.delete("queue", id);
    await this.changed();
  }

  async clearSent(): Promise<void> {
    for (const item of await this.items()) {
      if (item.state === "sent") await this.store.delete("queue", item.id);
    }
    await this.changed();
  }

  private async sendAll(sender: Sender): Promise<RunResult> {
    const tried = new Set<number>();
    for (;;) {
      // Read again each time: a change queued while this run goes on is sent in it too.
      // "sending": the page was closed mid-send; the same key makes the resend safe.
      const items = await this.items();
      const next = items.find(
        (item) =>
          (item.state === "waiting" || item.state === "sending") &&
          !tried.has(item.id) &&
          !heldBack(item, items),
      );
      if (!next) return "done";
      tried.add(next.id);
      const stopped = await this.sendOne(next, sender);
      if (stopped) return stopped;
    }
  }

  private async sendOne(first: QueuedWrite, sender: Sender): Promise<RunResult | null> {
    let item = await this.update(first.id, (it) => ({ ...it, state: "sending" }));
    for (let attempt = 0; attempt < MAX_RETRIES_PER_RUN; attempt++) {
      const outcome = await sender(item);
      if (outcome.kind === "offline" || outcome.kind === "unauthorized") {
        await this.update(item.id, (it) => ({ ...it, state: "waiting" }));
        return outcome.kind;
      }
      if (outcome.kind !== "retry") {
        await this.update(item.id, (it) => settled(it, outcome));
        return null;
      }
      const { body, ifMatch, base } = outcome;
      // A refused request's answer is kept under its key: the new attempt needs its own.
      const idempotencyKey = this.newKey();
      item = await this.update(item.id, (it) => ({ ...it, body, ifMatch, base, idempotencyKey }));
    }
    await this.update(item.id, (it) => ({ ...it, state: "failed", detail: "changed too often" }));
    return null;
  }

  private async update(id: number, change: (item: QueuedWrite) => QueuedWrite) {
    const current = await this.store.get("queue", id);
    if (!current) throw new Error(`queue item ${id} is gone`);
    const next = change(current);
    await this.store.put("queue", next);
    await this.changed();
    return next;
  }

  private async changed(): Promise<void> {
    if (this.listeners.size === 0) return;
    const items = await this.items();
    for (const listener of this.listeners) listener(items);
  }

  private async withLock<T>(run: () => Promise<T>): Promise<T> {
    // Two tabs of the app must not send the same item at once: the Web Locks API, where there.
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks ? await locks.request("smile-queue", run) : await run();
  }
}

/** An earlier item of the same chain is not sent yet (a conflict to settle, a refusal). */
export function heldBack(item: QueuedWrite, items: QueuedWrite[]): boolean {
  if (item.chain === undefined) return false;
  return items.some((other) => other.id < item.id && other.chain === item.chain && other.state !== "sent");
}

type Settled = Exclude<Outcome, { kind: "offline" | "unauthorized" | "retry" }>;

function settled(item: QueuedWrite, outcome: Settled): QueuedWrite {
  switch (outcome.kind) {
    case "sent":
      return { ...item, state: "sent" };
    case "failed":
      return { ...item, state: "failed", detail: outcome.detail };
    case "conflict":
      return {
        ...item,
        state: "conflict",
        conflicts: outcome.conflicts,
        theirs: outcome.theirs,
        theirsVersion: outcome.version,
        ...(outcome.merged ? { merged: outcome.merged } : {}),
      };
  }
}
