import { useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import { dayToInstant, formatDate, todayIso } from "../dates";
import { useT } from "../i18n";
import { queueVisit } from "../writes";

export function VisitForm({ queue, send, householdId }: ScreenProps & { householdId: string }) {
  const { t, language } = useT();
  const [day, setDay] = useState(todayIso());
  const [wellbeing, setWellbeing] = useState("3");
  const [notes, setNotes] = useState("");
  const [income, setIncome] = useState("");
  const [saved, setSaved] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const visit = {
      visited_at: dayToInstant(day),
      wellbeing: Number(wellbeing),
      notes: notes.trim(),
      ...(income.trim() ? { annual_income_thb: income.trim() } : {}),
    };
    await queueVisit(queue, householdId, visit, t("visitLabel", { date: formatDate(day, language) }));
    setNotes("");
    setIncome("");
    setSaved(true);
    void send();
  };

  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="visit-title">
      <h2 id="visit-title">{t("logVisit")}</h2>
      <label for="visit-day">{t("visitDate")}</label>
      <input id="visit-day" type="date" required max={todayIso()} value={day}
        onInput={(event) => { setDay(event.currentTarget.value); }} />
      <label for="visit-wellbeing">{t("wellbeing")}</label>
      <select id="visit-wellbeing" value={wellbeing}
        onChange={(event) => { setWellbeing(event.currentTarget.value); }}>
        {["1", "2", "3", "4", "5"].map((n) => (
          <option key={n} value={n}>{n}</option>
        ))}
      </select>
      <label for="visit-notes">{t("visitNotes")}</label>
      <textarea id="visit-notes" required maxLength={4000} value={notes}
        onInput={(event) => { setNotes(event.currentTarget.value); }} />
      <label for="visit-income">{t("visitIncome")}</label>
      <input id="visit-income" inputMode="decimal" pattern="[0-9]+(\.[0-9]{1,2})?" value={income}
        onInput={(event) => { setIncome(event.currentTarget.value); }} />
      <button type="submit">{t("logVisit")}</button>
      {saved && <p role="status">{t("queued")}</p>}
    </form>
  );
}
