/** Client routes on the History API; the gateway answers every such path with index.html. */
import { useEffect, useState } from "preact/hooks";

export const CHANGED = "smile:navigate";

export function navigate(path: string): void {
  history.pushState(null, "", path);
  dispatchEvent(new Event(CHANGED));
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => {
      setPath(location.pathname);
    };
    addEventListener("popstate", update);
    addEventListener(CHANGED, update);
    return () => {
      removeEventListener("popstate", update);
      removeEventListener(CHANGED, update);
    };
  }, []);
  return path;
}

/** A click on an in-app link changes the route without loading the page again. */
export function followLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest("a");
  if (!link) return;
  if (link.origin !== location.origin || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
}

/** The query string of the current route (e.g. a list's filters), following navigation. */
export function useSearch(): URLSearchParams {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const update = () => {
      setSearch(location.search);
    };
    addEventListener("popstate", update);
    addEventListener(CHANGED, update);
    return () => {
      removeEventListener("popstate", update);
      removeEventListener(CHANGED, update);
    };
  }, []);
  return new URLSearchParams(search);
}
