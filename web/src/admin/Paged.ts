/** A list read page by page with the API's `next` cursor. */
import { useEffect, useState } from "preact/hooks";
import type { Page } from "./data";

export type Paged<T> = { items: T[]; next: string | null } | "loading" | "failed";

export function usePaged<T>(load: (after: string | null) => Promise<Page<T>>, key: string) {
  const [listed, setListed] = useState<Paged<T>>("loading");
  const read = (after: string | null, before: T[]) =>
    load(after).then(
      (page) => {
        setListed({ items: [...before, ...page.items], next: page.next });
      },
      () => {
        setListed("failed");
      },
    );
  useEffect(() => {
    setListed("loading");
    void read(null, []);
  }, [key]);
  const more = () => {
    if (typeof listed === "object" && listed.next) void read(listed.next, listed.items);
  };
  return { listed, more };
}
