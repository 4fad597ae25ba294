import type { Support } from "../plan";
import { useT } from "../i18n";
import { useFocusAfterAdding } from "./focus";

const KINDS: readonly Support["kind"][] = ["livelihood_training", "funding_access", "referral", "in_kind"];

interface Props {
  support: Support[];
  onChange: (support: Support[]) => void;
}

/** The support the plan asks for (kind, what, how much): rows to add, change and remove. */
export function PlanSupport({ support, onChange }: Props) {
  const { t } = useT();
  const focusLater = useFocusAfterAdding();
  const change = (index: number, row: Support) => {
    onChange(support.map((old, i) => (i === index ? row : old)));
  };
  const add = () => {
    onChange([...support, { kind: "livelihood_training", description: "", amount_thb: null }]);
    focusLater(`support-${String(support.length)}-kind`);
  };
  return (
    <fieldset>
      <legend>{t("planField_requested_support")}</legend>
      {support.map((row, index) => {
        const id = `support-${String(index)}`;
        return (
          <div key={index} class="goal" role="group" aria-label={t("supportNumber", { number: index + 1 })}>
            <label for={`${id}-kind`}>{t("interventionKind")}</label>
            <select id={`${id}-kind`} value={row.kind}
              onChange={(event) => { change(index, { ...row, kind: event.currentTarget.value as Support["kind"] }); }}>
              {KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind_${kind}`)}</option>)}
            </select>
            <label for={`${id}-description`}>{t("interventionDescription")}</label>
            <input id={`${id}-description`} required pattern=".*\S.*" maxLength={1000} value={row.description}
              onInput={(event) => { change(index, { ...row, description: event.currentTarget.value }); }} />
            <label for={`${id}-amount`}>{t("amountOptional")}</label>
            <input id={`${id}-amount`} inputMode="decimal" pattern="[0-9]+(\.[0-9]{1,2})?" value={row.amount_thb ?? ""}
              onInput={(event) => { change(index, { ...row, amount_thb: event.currentTarget.value.trim() || null }); }} />
            <button type="button" class="secondary"
              onClick={() => { onChange(support.filter((_, i) => i !== index)); }}>
              {t("removeSupport", { number: index + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" class="secondary" onClick={add}>{t("addSupport")}</button>
    </fieldset>
  );
}
