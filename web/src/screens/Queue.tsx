import { useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import { formatDate } from "../dates";
import { useT, type MessageKey } from "../i18n";
import { fieldLabel, valueText } from "../fieldText";
import type { Choice } from "../merge";
import type { QueueState, QueuedWrite } from "../queue/store";
import { bodyAfterChoices } from "../writes";

const STATE_TEXT: Record<QueueState, MessageKey> = {
  waiting: "stateWaiting",
  sending: "stateSending",
  sent: "stateSent",
  conflict: "stateConflict",
  failed: "stateFailed",
};

export function QueueScreen(props: ScreenProps) {
  const { t } = useT();
  const { items, queue, send } = props;
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t("queue")}</h1>
      <button type="button" onClick={() => void send()}>{t("sendNow")}</button>{" "}
      <button type="button" onClick={() => void queue.clearSent()}>{t("clearSent")}</button>
      {items.length === 0 ? <p>{t("queueEmpty")}</p> : <QueueList {...props} />}
    </section>
  );
}

export function QueueList({ items, queue, send }: ScreenProps) {
  const { t, language } = useT();
  return (
    <ol class="list queue" aria-label={t("queue")}>
      {items.map((item) => (
        <li key={item.id} class={`card state-${item.state}`} data-state={item.state}>
          <strong>{item.label}</strong> · <span class="state">{t(STATE_TEXT[item.state])}</span>
          <p class="note">{formatDate(item.createdAt, language)}</p>
          {item.detail && <p class="problem">{item.detail}</p>}
          {item.state === "conflict" && <ConflictChooser item={item} onChosen={async (body) => {
            await queue.retry(item.id, body);
            await send();
          }} />}
          {item.state === "failed" && (
            <button type="button" onClick={() => void queue.retry(item.id).then(send)}>
              {t("retry")}
            </button>
          )}
          {(item.state === "failed" || item.state === "conflict") && (
            <button type="button" onClick={() => void queue.discard(item.id)}>{t("discard")}</button>
          )}
        </li>
      ))}
    </ol>
  );
}

interface ChooserProps {
  item: QueuedWrite;
  onChosen: (body: Record<string, unknown>) => Promise<void>;
}

/** Both sides changed these fields: the person chooses, field by field (the rest is merged). */
function ConflictChooser({ item, onChosen }: ChooserProps) {
  const { t } = useT();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const conflicts = item.conflicts ?? [];
  const submit = (event: Event) => {
    event.preventDefault();
    void onChosen(bodyAfterChoices(item, choices));
  };
  return (
    <form onSubmit={submit} class="merge" aria-label={t("stateConflict")}>
      <p>{t("conflictExplain")}</p>
      {conflicts.map((conflict) => (
        <fieldset key={conflict.field}>
          <legend>{fieldLabel(conflict.field, t)}</legend>
          {(["mine", "theirs"] as const).map((side) => (
            <label key={side} class="check">
              <input type="radio" name={`choice-${item.id}-${conflict.field}`} required
                checked={choices[conflict.field] === side}
                onChange={() => { setChoices({ ...choices, [conflict.field]: side }); }} />
              <span><strong>{t(side)}</strong>: {valueText(conflict[side])}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit">{t("sendChoices")}</button>
    </form>
  );
}
