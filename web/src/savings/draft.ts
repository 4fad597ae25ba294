/** A sheet being typed, kept on the device at every change (a reload, a closed browser or a flat
 * battery before posting loses nothing); dropped once it is queued, and on sign-out with the rest
 * of the working set. */
import { useEffect, useState } from "preact/hooks";
import { todayIso } from "../dates";
import { recall, remember, type Store } from "../queue/store";
import { newClientKey, type SheetEntries } from "./sheet";

export interface SheetDraft {
  clientKey: string;
  meetingOn: string;
  entries: SheetEntries;
}

export function freshDraft(): SheetDraft {
  return { clientKey: newClientKey(), meetingOn: todayIso(), entries: { deposits: {}, repayments: {} } };
}

export function useSheetDraft(store: Store, groupId: string) {
  const key = `savings:draft:${groupId}`;
  const [draft, setDraft] = useState<SheetDraft>(freshDraft);
  useEffect(() => {
    void recall<SheetDraft>(store, key).then((kept) => {
      if (kept) setDraft(kept);
    });
  }, [store, key]);
  const change = (next: SheetDraft) => {
    setDraft(next);
    void remember(store, key, next);
  };
  const drop = async () => {
    await store.delete("cache", key);
  };
  return { draft, change, drop, restart: () => { setDraft(freshDraft()); } };
}
