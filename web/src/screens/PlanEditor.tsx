import { useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import { useT } from "../i18n";
import { CAPITALS, goalsOf, type Capital, type Goal, type SavePlan, type Support } from "../plan";
import { queuePlanEdit } from "../writes";
import { useFocusAfterAdding } from "./focus";
import { PlanSupport } from "./PlanSupport";

interface EditorProps extends ScreenProps {
  householdId: string;
  startedFrom: SavePlan;
  version: number | undefined;
  onDone: (queued: boolean) => void;
}

type GoalsByCapital = Record<Capital, Goal[]>;

/** Draft or change the plan: goals per capital, livelihood, problems, needs. Saving queues the
 * whole plan with the version and content it started from (a 412 merges three ways). */
export function PlanEditor({ queue, send, householdId, startedFrom, version, onDone }: EditorProps) {
  const { t } = useT();
  const [goals, setGoals] = useState<GoalsByCapital>(() => byCapital(startedFrom));
  const [livelihood, setLivelihood] = useState(startedFrom.livelihood ?? "");
  const [problems, setProblems] = useState((startedFrom.problems ?? []).join("\n"));
  const [needs, setNeeds] = useState((startedFrom.needs ?? []).join("\n"));
  const [support, setSupport] = useState<Support[]>(startedFrom.requested_support ?? []);
  const focusLater = useFocusAfterAdding();

  const changeGoal = (capital: Capital, index: number, part: keyof Goal, value: string) => {
    const next = goals[capital].map((goal, i) => (i === index ? { ...goal, [part]: value } : goal));
    setGoals({ ...goals, [capital]: next });
  };
  const addGoal = (capital: Capital) => {
    setGoals({ ...goals, [capital]: [...goals[capital], { capital, description: "", baseline: "", target: "" }] });
    focusLater(`goal-${capital}-${String(goals[capital].length)}-description`);
  };
  const removeGoal = (capital: Capital, index: number) => {
    setGoals({ ...goals, [capital]: goals[capital].filter((_, i) => i !== index) });
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const plan: SavePlan = {
      problems: lines(problems),
      needs: lines(needs),
      goals: CAPITALS.flatMap((capital) => goals[capital].map(trimmed)),
      livelihood: livelihood.trim() || null,
      requested_support: support.map((row) => ({ ...row, description: row.description.trim() })),
    };
    await queuePlanEdit(queue, householdId, { plan, startedFrom, version }, t("planEditLabel"));
    onDone(true);
    void send();
  };

  return (
    <form class="card plan-editor" onSubmit={(event) => void save(event)} aria-labelledby="plan-edit-title">
      <h3 id="plan-edit-title">{t("editPlan")}</h3>
      {CAPITALS.map((capital) => (
        <fieldset key={capital} data-capital={capital}>
          <legend>{t("goalsOfCapital", { capital: t(`capital_${capital}`) })}</legend>
          {goals[capital].map((goal, index) => (
            <GoalInputs key={index} capital={capital} index={index} goal={goal}
              onChange={(part, value) => { changeGoal(capital, index, part, value); }}
              onRemove={() => { removeGoal(capital, index); }} />
          ))}
          <button type="button" class="secondary" onClick={() => { addGoal(capital); }}>
            {t("addGoal", { capital: t(`capital_${capital}`) })}
          </button>
        </fieldset>
      ))}
      <label for="plan-livelihood">{t("planField_livelihood")}</label>
      <input id="plan-livelihood" maxLength={500} value={livelihood}
        onInput={(event) => { setLivelihood(event.currentTarget.value); }} />
      <label for="plan-problems">{t("planField_problems")}</label>
      <textarea id="plan-problems" aria-describedby="plan-lines" value={problems}
        onInput={(event) => { setProblems(event.currentTarget.value); }} />
      <label for="plan-needs">{t("planField_needs")}</label>
      <textarea id="plan-needs" aria-describedby="plan-lines" value={needs}
        onInput={(event) => { setNeeds(event.currentTarget.value); }} />
      <p id="plan-lines" class="note">{t("linesHint")}</p>
      <PlanSupport support={support} onChange={setSupport} />
      <button type="submit">{t("saveDraft")}</button>
      <button type="button" class="secondary" onClick={() => { onDone(false); }}>{t("back")}</button>
    </form>
  );
}

interface GoalProps {
  capital: Capital;
  index: number;
  goal: Goal;
  onChange: (part: keyof Goal, value: string) => void;
  onRemove: () => void;
}

function GoalInputs({ capital, index, goal, onChange, onRemove }: GoalProps) {
  const { t } = useT();
  const id = `goal-${capital}-${String(index)}`;
  const parts = [
    ["description", "goalDescription", 1000],
    ["baseline", "goalBaseline", 500],
    ["target", "goalTarget", 500],
  ] as const;
  return (
    <div class="goal" role="group" aria-label={t("goalNumber", { number: index + 1 })}>
      {parts.map(([part, label, max]) => (
        <div key={part} class="field">
          <label for={`${id}-${part}`}>{t(label)}</label>
          <input id={`${id}-${part}`} required pattern=".*\S.*" maxLength={max} value={goal[part]}
            onInput={(event) => { onChange(part, event.currentTarget.value); }} />
        </div>
      ))}
      <button type="button" class="secondary" onClick={onRemove}>
        {t("removeGoal", { number: index + 1, capital: t(`capital_${capital}`) })}
      </button>
    </div>
  );
}

function byCapital(plan: SavePlan): GoalsByCapital {
  return Object.fromEntries(CAPITALS.map((capital) => [capital, goalsOf(plan, capital)])) as GoalsByCapital;
}

function lines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter(Boolean);
}

function trimmed(goal: Goal): Goal {
  return {
    capital: goal.capital,
    description: goal.description.trim(),
    baseline: goal.baseline.trim(),
    target: goal.target.trim(),
  };
}
