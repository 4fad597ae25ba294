/** The group's file (group, members, loans) for a screen: read, or the copy kept on the device. */
import { useEffect, useState } from "preact/hooks";
import type { Store } from "../queue/store";
import { openGroup, type GroupFile, type Read } from "./data";

export type Loaded = Read<GroupFile> | "loading" | "failed";

export function useGroupFile(store: Store, groupId: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>("loading");
  useEffect(() => {
    setLoaded("loading");
    void openGroup(store, groupId).then((read) => {
      setLoaded(read ?? "failed");
    });
  }, [store, groupId]);
  return loaded;
}
