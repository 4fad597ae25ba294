/** The escalation inbox of the area: acknowledge (it stops climbing), resolve with a note. */
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../dates";
import { followLink } from "../router";
import {
  acknowledge,
  loadEscalations,
  Refused,
  resolve,
  type Escalation,
  type EscalationStatus,
} from "./data";
import { useTexts, type SuperviseKey } from "./text";

interface Listed {
  items: Escalation[];
  next: string | null;
}

interface Props {
  area: string;
  level: number | undefined; // only those now at this ladder level, not yet acknowledged
  status: EscalationStatus | undefined;
}

export function EscalationInbox({ area, level, status }: Props) {
  const { t, s } = useTexts();
  const [listed, setListed] = useState<Listed | "loading" | "failed">("loading");
  const statuses: EscalationStatus[] =
    level !== undefined ? ["open"] : status ? [status] : ["open", "acknowledged"];

  const load = (after: string | null, before: Escalation[]) =>
    loadEscalations(area, statuses, level, after).then(
      (page) => {
        setListed({ items: [...before, ...page.items], next: page.next });
      },
      () => {
        setListed("failed");
      },
    );
  useEffect(() => {
    setListed("loading");
    void load(null, []);
  }, [area, level, status]); // the statuses follow from level and status

  if (listed === "loading") return <p>{t("loading")}</p>;
  if (listed === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const { items, next } = listed;
  const replace = (changed: Escalation) => {
    setListed({ items: items.map((e) => (e.id === changed.id ? changed : e)), next });
  };
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{s("escalationsTitle")}</h1>
      <p class="note">{s("showing", { what: describe(s, level, statuses) })}</p>
      {items.length === 0 && <p>{s("none")}</p>}
      <ul class="list">
        {items.map((escalation) => (
          <EscalationCard key={escalation.id} escalation={escalation} onChange={replace} />
        ))}
      </ul>
      {next && (
        <button type="button" onClick={() => void load(next, items)}>
          {s("more")}
        </button>
      )}
    </section>
  );
}

type S = ReturnType<typeof useTexts>["s"];

function describe(s: S, level: number | undefined, statuses: EscalationStatus[]): string {
  if (level !== undefined) return s("openAtLevel", { level: level + 1, who: levelWho(s, level) });
  return statuses.map((status) => statusText(s, status)).join(", ");
}

function levelWho(s: S, level: number): string {
  return s(`level${Math.min(Math.max(level, 0), 2)}` as SuperviseKey);
}

function statusText(s: S, status: string): string {
  if (status === "open") return s("statusOpen");
  if (status === "acknowledged") return s("statusAcknowledged");
  return s("resolved");
}

function EscalationCard({
  escalation,
  onChange,
}: {
  escalation: Escalation;
  onChange: (changed: Escalation) => void;
}) {
  const { s, language } = useTexts();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = escalation.id;
  const done = escalation.status === "resolved" || escalation.status === "closed";

  const act = async (action: () => Promise<Escalation>) => {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await action());
    } catch (error) {
      setProblem(s("actionFailed", { detail: error instanceof Refused ? error.message : "–" }));
    } finally {
      setBusy(false);
    }
  };
  const submitResolution = (event: Event) => {
    event.preventDefault();
    if (note.trim()) void act(() => resolve(escalation, note.trim()));
  };

  return (
    <li class="card" data-escalation={id}>
      <h2 id={`esc-${id}`}>{s(`kind_${escalation.kind}` as SuperviseKey)}</h2>
      <p>
        {statusText(s, escalation.status)} ·{" "}
        {s("levelNow", { level: escalation.level + 1, who: levelWho(s, escalation.level) })}
      </p>
      <p>{s("opened", { date: formatDate(escalation.opened_at, language) })}</p>
      {escalation.household_id && (
        <a href={`/households/${escalation.household_id}`} onClick={followLink}>
          {s("openHousehold")}
        </a>
      )}
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      {done && <p role="status">{s("resolved")}</p>}
      {escalation.status === "open" && (
        <button type="button" disabled={busy} onClick={() => void act(() => acknowledge(escalation))}>
          {s("acknowledge")}
        </button>
      )}
      {!done && (
        <form onSubmit={submitResolution} class="inline-form">
          <label for={`note-${id}`}>{s("resolutionNote")}</label>
          <textarea
            id={`note-${id}`}
            required
            value={note}
            onInput={(event) => {
              setNote(event.currentTarget.value);
            }}
          />
          <button type="submit" disabled={busy}>
            {s("resolve")}
          </button>
        </form>
      )}
    </li>
  );
}
