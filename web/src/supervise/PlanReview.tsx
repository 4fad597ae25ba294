/** A plan waiting for approval: read it, approve it, or return it with a reason. */
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../dates";
import { followLink } from "../router";
import { approvePlan, loadWaitingPlan, Refused, returnPlan, type Plan } from "./data";
import { useTexts, type SuperviseKey } from "./text";

const CAPITALS = new Set(["human", "physical", "economic", "natural", "social"]);

function capitalName(s: ReturnType<typeof useTexts>["s"], capital: string | undefined): string {
  return capital && CAPITALS.has(capital) ? s(`capital_${capital}` as SuperviseKey) : (capital ?? "–");
}

type Loaded = Plan | "none" | "loading" | "failed";
type Decided = "approved" | "returned" | null;

export function PlanReview({ householdId }: { householdId: string }) {
  const { t, s, language } = useTexts();
  const [plan, setPlan] = useState<Loaded>("loading");
  const [decided, setDecided] = useState<Decided>(null);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadWaitingPlan(householdId).then(
      (found) => {
        setPlan(found ?? "none");
      },
      () => {
        setPlan("failed");
      },
    );
  }, [householdId]);

  if (plan === "loading") return <p>{t("loading")}</p>;
  if (plan === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const caseLink = (
    <a href={`/households/${householdId}`} onClick={followLink}>
      {s("openHousehold")}
    </a>
  );
  if (plan === "none" && !decided)
    return (
      <section>
        <h1>{s("reviewPlan")}</h1>
        <p>{s("noWaitingPlan")}</p>
        {caseLink}
      </section>
    );

  const decide = async (decision: Decided, action: () => Promise<Plan>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      setDecided(decision);
    } catch (error) {
      const stale = error instanceof Refused && error.status === 412;
      setProblem(stale ? s("stale") : s("actionFailed", { detail: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  if (decided || plan === "none")
    return (
      <section>
        <h1>{s("reviewPlan")}</h1>
        <p role="status">{decided === "returned" ? s("returned") : s("approved")}</p>
        <a href="/supervise/plans" onClick={followLink}>
          {s("plansTitle")}
        </a>{" "}
        · {caseLink}
      </section>
    );

  const sendBack = (event: Event) => {
    event.preventDefault();
    if (reason.trim()) void decide("returned", () => returnPlan(plan, reason.trim()));
  };
  return (
    <section aria-labelledby="plan-title">
      <h1 id="plan-title">{s("planTitle", { number: plan.number })}</h1>
      <p class="note">{s("submitted", { date: formatDate(plan.submitted_at, language) })}</p>
      {caseLink}
      <PlanContent plan={plan} />
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      <div class="card">
        <button type="button" disabled={busy} onClick={() => void decide("approved", () => approvePlan(plan))}>
          {s("approve")}
        </button>
      </div>
      <form class="card" onSubmit={sendBack}>
        <label for="return-reason">{s("returnReason")}</label>
        <textarea
          id="return-reason"
          required
          value={reason}
          onInput={(event) => {
            setReason(event.currentTarget.value);
          }}
        />
        <button type="submit" disabled={busy}>
          {s("returnPlan")}
        </button>
      </form>
    </section>
  );
}

function PlanContent({ plan }: { plan: Plan }) {
  const { s } = useTexts();
  return (
    <div class="card">
      <dl class="facts">
        <dt>{s("problems")}</dt>
        <dd>{plan.problems.join(", ") || "–"}</dd>
        <dt>{s("needs")}</dt>
        <dd>{plan.needs.join(", ") || "–"}</dd>
        <dt>{s("livelihood")}</dt>
        <dd>{plan.livelihood ?? "–"}</dd>
      </dl>
      <h2 id="goals-title">{s("goals")}</h2>
      <div class="scroll" tabIndex={0} role="region" aria-labelledby="goals-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{s("capital")}</th>
              <th scope="col">{s("goal")}</th>
              <th scope="col">{s("baseline")}</th>
              <th scope="col">{s("target")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.goals.map((goal, index) => (
              <tr key={index}>
                <td>{capitalName(s, goal.capital)}</td>
                <td>{goal.description}</td>
                <td>{goal.baseline}</td>
                <td>{goal.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.requested_support.length > 0 && (
        <>
          <h2>{s("support")}</h2>
          <ul>
            {plan.requested_support.map((support, index) => (
              <li key={index}>
                {support.kind}: {support.description}
                {support.amount_thb ? ` (${support.amount_thb} ฿)` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
