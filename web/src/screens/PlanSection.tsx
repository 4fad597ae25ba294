import { useEffect, useState } from "preact/hooks";
import type { ScreenProps } from "../app";
import { useT, wordText } from "../i18n";
import { CAPITALS, editable, goalsOf, planContent, type PlanOut, type SavePlan } from "../plan";
import type { QueuedWrite } from "../queue/store";
import { queuePlanSubmission } from "../writes";
import { PlanEditor } from "./PlanEditor";

const PLANNING_STAGES = new Set(["compass", "manage", "care"]);

interface PlanProps extends ScreenProps {
  householdId: string;
  plan: PlanOut | null | undefined;
  stage: string | undefined;
  stale: boolean; // a change was sent and the plan is being read again
}

/** The plan as the server has it, or as this device changed it and has not sent yet. */
export function PlanSection(props: PlanProps) {
  const { t } = useT();
  const { plan, stage, stale, items, householdId, queue, send } = props;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // A tap while the plan is read again is kept and carried out once the read is in: a disabled
  // button would swallow it, and an edit must start from the plan as the server has it.
  const [asked, setAsked] = useState<"edit" | "submit" | null>(null);
  // What this device still means to send (a refused change is shown in the queue, not here).
  // While the plan is read again after a send, what was sent is still the freshest content.
  const mine = items.filter(
    (item) =>
      item.householdId === householdId &&
      item.state !== "failed" &&
      (item.state !== "sent" || stale),
  );
  const localEdit = lastOf(mine, "plan");
  const submitted = lastOf(mine, "plan-submit");
  const submissionWaiting = submitted !== undefined && submitted.state !== "sent";
  const shown = planContent(localEdit ? localEdit.body : plan);
  const status = submissionWaiting ? "submitted" : localEdit ? "draft" : plan?.status;
  const canEdit = PLANNING_STAGES.has(stage ?? "") && editable(plan) && !submissionWaiting;
  const canSubmit = canEdit && (localEdit !== undefined || (plan && plan.status !== "approved"));

  const submit = async () => {
    await queuePlanSubmission(queue, householdId, plan?.version, t("planSubmitLabel"));
    setSaved(true);
    void send();
  };
  useEffect(() => {
    if (stale || asked === null) return;
    setAsked(null);
    if (asked === "edit") {
      setEditing(true);
      setSaved(false);
    } else {
      void submit();
    }
  }, [stale, asked]);

  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t("plan")}</h2>
      {!plan && !localEdit ? (
        <p>{t("noPlan")}</p>
      ) : (
        <p>
          {t("planStatus")}: <strong data-testid="plan-status">{wordText(t, "planStatus_", status ?? "draft")}</strong>
          {plan?.number !== undefined && ` · ${t("planVersion", { number: plan.number })}`}
        </p>
      )}
      {localEdit && <p class="note">{t("planLocal")}</p>}
      {plan?.status === "returned" && plan.decision_reason && (
        <p class="problem">{t("planReturnedReason", { reason: plan.decision_reason })}</p>
      )}
      {plan?.status === "submitted" && <p class="note">{t("planWaitingApproval")}</p>}
      {!PLANNING_STAGES.has(stage ?? "") && <p class="note">{t("planNotYet")}</p>}
      {editing ? (
        <PlanEditor {...props} startedFrom={shown} version={plan?.version}
          onDone={(queued) => { setEditing(false); setSaved(queued); }} />
      ) : (
        <PlanView content={shown} />
      )}
      {!editing && canEdit && (
        <button type="button" aria-busy={asked === "edit"} onClick={() => { setAsked("edit"); }}>
          {t("editPlan")}
        </button>
      )}{" "}
      {!editing && canSubmit && (
        <button type="button" disabled={(shown.goals ?? []).length === 0} aria-busy={asked === "submit"}
          onClick={() => { setAsked("submit"); }}>
          {t("submitPlan")}
        </button>
      )}
      {!editing && canSubmit && (shown.goals ?? []).length === 0 && <p class="note">{t("planGoalNeeded")}</p>}
      {saved && <p role="status">{t("planSaved")}</p>}
    </section>
  );
}

function lastOf(items: QueuedWrite[], kind: QueuedWrite["kind"]): QueuedWrite | undefined {
  return items.filter((item) => item.kind === kind).at(-1);
}

function PlanView({ content }: { content: SavePlan }) {
  const { t } = useT();
  return (
    <div class="plan">
      {CAPITALS.map((capital) => {
        const goals = goalsOf(content, capital);
        return (
          <div key={capital} class="card" data-capital={capital}>
            <h3>{t(`capital_${capital}`)}</h3>
            {goals.length === 0 ? (
              <p class="note">{t("noGoals")}</p>
            ) : (
              <ul>
                {goals.map((goal, index) => (
                  <li key={index}>
                    {goal.description}: {goal.baseline} → <strong>{goal.target}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <dl class="facts">
        <dt>{t("planField_livelihood")}</dt>
        <dd data-testid="plan-livelihood">{content.livelihood ?? "–"}</dd>
        <dt>{t("planField_problems")}</dt>
        <dd>{(content.problems ?? []).join(" · ") || "–"}</dd>
        <dt>{t("planField_needs")}</dt>
        <dd>{(content.needs ?? []).join(" · ") || "–"}</dd>
        <dt>{t("planField_requested_support")}</dt>
        <dd>
          {(content.requested_support ?? [])
            .map((support) => `${wordText(t, "kind_", support.kind)}: ${support.description}`)
            .join(" · ") || "–"}
        </dd>
      </dl>
    </div>
  );
}
