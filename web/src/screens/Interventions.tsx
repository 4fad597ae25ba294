import { useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import type { components } from "../api/schema";
import { formatDate } from "../dates";
import { useT, wordText } from "../i18n";
import { queueIntervention, type RequestIntervention } from "../writes";

type Intervention = components["schemas"]["InterventionOut"];
type Kind = RequestIntervention["kind"];
const KINDS: readonly Kind[] = ["livelihood_training", "funding_access", "referral", "in_kind"];
const MANAGING_STAGES = new Set(["manage", "care"]);

interface Props extends ScreenProps {
  householdId: string;
  interventions: Intervention[];
  stage: string | undefined;
}

export function Interventions(props: Props) {
  const { t, language } = useT();
  const { interventions, stage } = props;
  return (
    <section aria-labelledby="interventions-title">
      <h2 id="interventions-title">{t("interventions")}</h2>
      {interventions.length === 0 && <p>{t("noInterventions")}</p>}
      <ul class="list">
        {interventions.map((item) => (
          <li key={item.id} class="card">
            <strong>{wordText(t, "kind_", item.kind ?? "")}</strong> ·{" "}
            {wordText(t, "interventionStatus_", item.status ?? "")}
            <p>{item.description}</p>
            {item.agency && <p class="note">{t("agency")}: {item.agency}</p>}
            {item.amount_thb && <p class="note">{t("amount")}: {item.amount_thb}</p>}
            <p class="note">{formatDate(item.requested_at, language)}</p>
            {item.outcome && <p>{item.outcome}</p>}
          </li>
        ))}
      </ul>
      {MANAGING_STAGES.has(stage ?? "") ? <InterventionForm {...props} /> : <p class="note">{t("interventionsAfterPlan")}</p>}
    </section>
  );
}

function InterventionForm({ queue, send, householdId }: Props) {
  const { t } = useT();
  const [kind, setKind] = useState<Kind>("livelihood_training");
  const [description, setDescription] = useState("");
  const [agency, setAgency] = useState("");
  const [amount, setAmount] = useState("");
  const [purpose, setPurpose] = useState("");
  const [term, setTerm] = useState("12");
  const [saved, setSaved] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const request: RequestIntervention = {
      kind,
      description: description.trim(),
      ...(kind === "referral" ? { agency: agency.trim() } : {}),
      ...(kind === "funding_access"
        ? { funding: { amount_thb: amount.trim(), purpose: purpose.trim(), term_months: Number(term) } }
        : {}),
    };
    await queueIntervention(queue, householdId, request, t("interventionLabel", { kind: t(`kind_${kind}`) }));
    setDescription("");
    setSaved(true);
    void send();
  };

  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="intervention-title">
      <h3 id="intervention-title">{t("requestIntervention")}</h3>
      <label for="intervention-kind">{t("interventionKind")}</label>
      <select id="intervention-kind" value={kind} onChange={(event) => { setKind(event.currentTarget.value as Kind); }}>
        {KINDS.map((k) => <option key={k} value={k}>{t(`kind_${k}`)}</option>)}
      </select>
      <label for="intervention-description">{t("interventionDescription")}</label>
      <textarea id="intervention-description" required maxLength={2000} value={description}
        onInput={(event) => { setDescription(event.currentTarget.value); }} />
      {kind === "referral" && (
        <>
          <label for="intervention-agency">{t("agency")}</label>
          <input id="intervention-agency" required maxLength={200} value={agency}
            onInput={(event) => { setAgency(event.currentTarget.value); }} />
        </>
      )}
      {kind === "funding_access" && (
        <>
          <label for="intervention-amount">{t("amount")}</label>
          <input id="intervention-amount" required inputMode="decimal" pattern="[0-9]+(\.[0-9]{1,2})?"
            value={amount} onInput={(event) => { setAmount(event.currentTarget.value); }} />
          <label for="intervention-purpose">{t("purpose")}</label>
          <input id="intervention-purpose" required maxLength={200} value={purpose}
            onInput={(event) => { setPurpose(event.currentTarget.value); }} />
          <label for="intervention-term">{t("termMonths")}</label>
          <input id="intervention-term" type="number" required min={1} max={120} value={term}
            onInput={(event) => { setTerm(event.currentTarget.value); }} />
        </>
      )}
      <button type="submit">{t("requestIntervention")}</button>
      {saved && <p role="status">{t("queued")}</p>}
    </form>
  );
}
