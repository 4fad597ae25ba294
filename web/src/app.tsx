/** The shell: who is signed in, the language, the connection, the queue badge and the routes. */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { signOut, whoAmI, type Person } from "./api/session";
import { LanguageContext, saveLanguage, savedLanguage, translator, type Language } from "./i18n";
import type { OfflineQueue } from "./queue/queue";
import { sendOverHttp } from "./queue/send";
import { recall, remember, type QueuedWrite, type Store } from "./queue/store";
import { followLink, navigate, usePath } from "./router";
import { CaseScreen } from "./screens/Case";
import { HouseholdsScreen } from "./screens/Households";
import { QueueScreen } from "./screens/Queue";
import { SignInScreen } from "./screens/SignIn";
import { isAdminRoute, LazyAdmin } from "./admin/lazy";
import { isSavingsRoute, LazySavings } from "./savings/lazy";
import { isSupervisorRoute, LazySupervise } from "./supervise/lazy";

export interface AppProps {
  store: Store;
  queue: OfflineQueue;
}

type SignedIn = Person | null | undefined; // undefined: not known yet

export function App({ store, queue }: AppProps) {
  const [person, setPerson] = useState<SignedIn>(undefined);
  const [expired, setExpired] = useState(false);
  const [language, setLanguage] = useState<Language>(savedLanguage());
  const [items, setItems] = useState<QueuedWrite[]>([]);
  const online = useOnline();
  const path = usePath();
  const t = useMemo(() => translator(language), [language]);

  const send = useCallback(async () => {
    if ((await queue.send(sendOverHttp)) === "unauthorized") {
      setExpired(true);
      setPerson(null);
    }
  }, [queue]);

  useEffect(() => queue.subscribe(setItems), [queue]);
  useEffect(() => void queue.items().then(setItems), [queue]);
  useEffect(() => {
    // The last person signed in here opens the app at once (their working set is on the device);
    // the server's answer follows and wins (signed out or expired: the sign-in screen).
    void recall<Person>(store, "me").then((kept) => {
      if (kept) setPerson((known) => known ?? kept);
    });
    void findWhoIsSignedIn(store).then(setPerson);
  }, [store]);
  useEffect(() => {
    queue.setOwner(person?.id ?? null); // before sending: only their own changes go
  }, [queue, person]);
  useEffect(() => {
    if (person && online) void send();
  }, [person, online, send]);
  useEffect(() => {
    if (person) setLanguage(savedLanguage(person.id));
  }, [person]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const switchLanguage = () => {
    const next = language === "th" ? "en" : "th";
    saveLanguage(next, person?.id);
    setLanguage(next);
  };
  const signedIn = async () => {
    const me = await whoAmI();
    if (me) await remember(store, "me", me);
    setExpired(false);
    setPerson(me);
  };
  const leave = async () => {
    await signOut();
    await store.clear("cache"); // the working set holds personal data: not for the next person
    setPerson(null);
    navigate("/");
  };
  const waiting = items.filter((item) => item.state !== "sent").length;

  return (
    <LanguageContext.Provider value={{ language, t }}>
      <header class="bar">
        <a href="/" class="brand" onClick={followLink}>
          {t("appName")}
        </a>
        <span class={online ? "status online" : "status offline"} role="status">
          {online ? t("online") : t("offline")}
        </span>
        <a href="/queue" class="badge" onClick={followLink} title={t("queue")}>
          {t("queueBadge", { count: waiting })}
        </a>
        <button type="button" lang={language === "th" ? "en" : "th"} aria-label={t("switchLanguageLabel")} onClick={switchLanguage}>
          {t("switchLanguage")}
        </button>
        {person && (
          <button type="button" onClick={() => void leave()}>
            {t("signOut")}
          </button>
        )}
      </header>
      <main lang={language}>
        {person === undefined && <p>{t("loading")}</p>}
        {person === null && <SignInScreen expired={expired} onSignedIn={signedIn} />}
        {person && route(path, { store, queue, items, send }, person)}
      </main>
    </LanguageContext.Provider>
  );
}

export interface ScreenProps {
  store: Store;
  queue: OfflineQueue;
  items: QueuedWrite[];
  send: () => Promise<void>;
}

function route(path: string, props: ScreenProps, person: Person) {
  if (isAdminRoute(path, person)) return <LazyAdmin path={path} />;
  if (isSupervisorRoute(path, person)) return <LazySupervise path={path} person={person} />;
  if (isSavingsRoute(path, person)) return <LazySavings {...props} path={path} person={person} />;
  const household = /^\/households\/([^/]+)$/.exec(path);
  if (household?.[1]) return <CaseScreen {...props} householdId={decodeURIComponent(household[1])} />;
  if (path === "/queue") return <QueueScreen {...props} />;
  return <HouseholdsScreen {...props} />;
}

async function findWhoIsSignedIn(store: Store): Promise<Person | null> {
  try {
    const me = await whoAmI();
    if (me) await remember(store, "me", me);
    return me;
  } catch {
    return (await recall<Person>(store, "me")) ?? null; // offline: the last person signed in here
  }
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => {
      setOnline(true);
    };
    const off = () => {
      setOnline(false);
    };
    addEventListener("online", on);
    addEventListener("offline", off);
    return () => {
      removeEventListener("online", on);
      removeEventListener("offline", off);
    };
  }, []);
  return online;
}
