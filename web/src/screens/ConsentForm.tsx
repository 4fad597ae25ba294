import { useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import { useT } from "../i18n";
import { queueConsent } from "../writes";

type Props = ScreenProps & { householdId: string; version: number };

export function ConsentForm({ queue, send, householdId, version }: Props) {
  const { t } = useT();
  const [informed, setInformed] = useState(false);
  const [answer, setAnswer] = useState<"yes" | "no" | "">("");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!informed) return; // the checkbox is required: consent is only ever recorded informed
    const consented = answer === "yes";
    const label = t("consentLabel", { answer: consented ? t("consentYes") : t("consentNo") });
    const consent = { informed: true as const, consented, ...(note.trim() ? { note: note.trim() } : {}) };
    await queueConsent(queue, householdId, version, consent, label);
    setSaved(true);
    void send();
  };

  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="consent-title">
      <h2 id="consent-title">{t("recordConsent")}</h2>
      <label class="check">
        <input type="checkbox" required checked={informed}
          onChange={(event) => { setInformed(event.currentTarget.checked); }} />
        {t("consentInformed")}
      </label>
      <fieldset>
        <legend>{t("consentAnswer")}</legend>
        {(["yes", "no"] as const).map((value) => (
          <label key={value} class="check">
            <input type="radio" name="consent-answer" required value={value}
              checked={answer === value} onChange={() => { setAnswer(value); }} />
            {value === "yes" ? t("consentYes") : t("consentNo")}
          </label>
        ))}
      </fieldset>
      <label for="consent-note">{t("note")}</label>
      <input id="consent-note" maxLength={1000} value={note}
        onInput={(event) => { setNote(event.currentTarget.value); }} />
      <button type="submit" disabled={saved}>{t("recordConsent")}</button>
      {saved && <p role="status">{t("queued")}</p>}
    </form>
  );
}
