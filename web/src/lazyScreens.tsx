/** Screens of one kind of user (supervisor, officer, administrator) load on first use, in a chunk
 * of their own, so nobody else's first screen carries them. */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Person } from "./api/session";
import { useT } from "./i18n";

export function hasRole(person: Person, roles: readonly string[]): boolean {
  const held: unknown = person.roles; // the document types roles loosely (a computed field)
  return Array.isArray(held) && held.some((role) => roles.includes(String(role)));
}

/** `prefix` and what lies under it, and `/` when it is this person's home. */
export function isSectionRoute(prefix: string, path: string, home: boolean): boolean {
  return path === prefix || path.startsWith(`${prefix}/`) || (path === "/" && home);
}

type Module<P> = Promise<{ default: FunctionComponent<P> }>;

/** The chunk's screens once loaded, with the section's own path for `/`. */
export function LazyScreens<P extends { path: string }>(
  { load, prefix, props }: { load: () => Module<P>; prefix: string; props: P },
) {
  const { t } = useT();
  const [Loaded, setLoaded] = useState<FunctionComponent<P> | "failed" | null>(null);
  useEffect(() => {
    load().then(
      (module) => {
        setLoaded(() => module.default);
      },
      () => {
        setLoaded("failed");
      },
    );
  }, [load]);
  if (Loaded === "failed") return <p role="alert">{t("loadFailed")}</p>;
  if (!Loaded) return <p>{t("loading")}</p>;
  return <Loaded {...props} path={props.path === "/" ? prefix : props.path} />;
}
