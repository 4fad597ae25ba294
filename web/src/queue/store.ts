/** The device's own store (IndexedDB through idb): the queue of changes waiting to be sent, and
 * the working set last read (households, cases) for use without signal. */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { FieldConflict, Fields } from "../merge";

export type QueueState = "waiting" | "sending" | "sent" | "conflict" | "failed";
export type WriteKind =
  | "visit"
  | "consent"
  | "household"
  | "plan"
  | "plan-submit"
  | "intervention"
  | "sheet"; // a collection sheet: its client key (in the body) makes resends safe

export interface QueuedWrite {
  id: number;
  idempotencyKey: string;
  kind: WriteKind;
  method: "POST" | "PUT" | "PATCH";
  path: string;
  body: Fields;
  householdId?: string; // the case it changes (none for a savings group's sheet)
  groupId?: string; // the savings group it changes
  label: string;
  createdAt: string;
  state: QueueState;
  owner?: string; // the person who made it: sent only under their own sign-in
  ifMatch?: number;
  base?: Fields; // the fields the edit started from (a versioned edit's merge base)
  chain?: string; // items of one chain go strictly in order: one stuck holds back the rest
  detail?: string;
  conflicts?: FieldConflict[];
  theirs?: Fields;
  theirsVersion?: number;
  merged?: Fields; // in a conflict: every field but the conflicting ones, already merged
}

export type NewWrite = Omit<QueuedWrite, "id" | "idempotencyKey" | "createdAt" | "state" | "owner">;

interface CachedRead {
  key: string;
  value: unknown;
  savedAt: string;
}

interface SmileDb extends DBSchema {
  queue: { key: number; value: QueuedWrite };
  cache: { key: string; value: CachedRead };
}

export type Store = IDBPDatabase<SmileDb>;
export const DB_NAME = "smile-web";

export function openStore(name: string = DB_NAME): Promise<Store> {
  return openDB<SmileDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore("queue", { keyPath: "id", autoIncrement: true });
      db.createObjectStore("cache", { keyPath: "key" });
    },
  });
}

export async function remember(store: Store, key: string, value: unknown): Promise<void> {
  await store.put("cache", { key, value, savedAt: new Date().toISOString() });
}

export async function recall<T>(store: Store, key: string): Promise<T | undefined> {
  const found = await store.get("cache", key);
  return found?.value as T | undefined;
}
