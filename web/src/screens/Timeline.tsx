import type { Seat, Transition } from "../caseFile";
import { formatDateTime } from "../dates";
import { useT, wordText, type Translate } from "../i18n";
import type { PlanOut } from "../plan";
import { actor, timeline, type Happening } from "../timeline";

interface TimelineProps {
  transitions: Transition[];
  plans: PlanOut[];
  seats: Seat[];
  me: string | undefined;
}

/** The case's stage moves and plan steps, newest first, each with who, when and why. */
export function Timeline({ transitions, plans, seats, me }: TimelineProps) {
  const { t, language } = useT();
  const entries = timeline(transitions, plans);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline")}</h2>
      {entries.length === 0 && <p>{t("timelineEmpty")}</p>}
      <ol class="list timeline">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${String(index)}`} class="card">
            <strong>{happening(entry.what, t)}</strong>
            <p class="note">
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time> ·{" "}
              {t("by", { who: who(entry.by, me, seats, t) })}
            </p>
            {entry.why && <p>{t("why", { reason: entry.why })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function happening(what: Happening, t: Translate): string {
  if (what.kind === "stage") {
    return t("timelineStage", { from: stageName(what.from, t), to: stageName(what.to, t) });
  }
  const keys = {
    created: "planCreated",
    submitted: "planSubmittedEvent",
    approved: "planApprovedEvent",
    returned: "planReturnedEvent",
  } as const;
  return t(keys[what.step], { number: what.number });
}

export function stageName(stage: string, t: Translate): string {
  return stage ? wordText(t, "stage_", stage) : "–";
}

function who(personId: string, me: string | undefined, seats: Seat[], t: Translate): string {
  const found = actor(personId, me, seats);
  if (found.kind === "you") return t("you");
  if (found.kind === "seat") return wordText(t, "role_", found.role);
  return t("someoneElse", { id: found.id });
}
