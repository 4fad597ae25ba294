/** The supervisor's area at a glance: every count is a link to the list behind it. */
import { useEffect, useState } from "preact/hooks";
import type { MessageKey } from "../i18n";
import { followLink } from "../router";
import { loadReport, type Report } from "./data";
import { useTexts } from "./text";

const STAGES = ["registered", "target", "compass", "manage", "care", "graduated"] as const;
const LEVELS = [0, 1, 2] as const;

interface Figures {
  cases: Report;
  escalations: Report;
  savings: Report;
}

export function Dashboard({ area }: { area: string }) {
  const { t, s, language } = useTexts();
  const [figures, setFigures] = useState<Figures | "loading" | "failed">("loading");

  useEffect(() => {
    setFigures("loading");
    Promise.all(["cases", "escalations", "savings"].map((name) => loadReport(name, area))).then(
      ([cases, escalations, savings]) => {
        if (cases && escalations && savings) setFigures({ cases, escalations, savings });
      },
      () => {
        setFigures("failed");
      },
    );
  }, [area]);

  if (figures === "loading") return <p>{t("loading")}</p>;
  if (figures === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const { cases, escalations, savings } = figures;
  const count = (report: Report, key: string) => Number(report.totals[key] ?? 0);
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{s("dashboard")}</h1>
      {cases.area && (
        <p class="note">
          {s("area")}: {language === "th" ? cases.area.name_th : cases.area.name_en} ({cases.area.code})
        </p>
      )}
      <div class="tiles">
        <Tiles title={s("householdsByStage")} id="tiles-stage">
          {STAGES.map((stage) => (
            <Tile
              key={stage}
              label={t(`stage_${stage}` as MessageKey)}
              count={count(cases, `stage_${stage}`)}
              href={`/supervise/households?stage=${stage}`}
              testId={`stage_${stage}`}
            />
          ))}
        </Tiles>
        <Tiles title={s("attention")} id="tiles-attention">
          <Tile
            label={s("overdueVisits")}
            count={count(cases, "overdue_visits")}
            href="/supervise/households?overdue=true"
            testId="overdue_visits"
          />
          <Tile
            label={s("plansWaiting")}
            count={count(cases, "plans_waiting")}
            href="/supervise/plans"
            testId="plans_waiting"
          />
          <Tile
            label={s("loansInArrears")}
            count={count(savings, "loans_in_arrears")}
            href={`/supervise/reports?report=savings&area=${area}`}
            testId="loans_in_arrears"
            note={`${s("arrearsBaht", { amount: text(savings.totals.arrears) })}. ${s("arrearsNote")}`}
          />
        </Tiles>
        <Tiles title={s("openEscalations")} id="tiles-escalations">
          {LEVELS.map((level) => (
            <Tile
              key={level}
              label={s("openAtLevel", { level: level + 1, who: s(`level${level}`) })}
              count={count(escalations, `open_level_${level}`)}
              href={`/supervise/escalations?level=${level}`}
              testId={`open_level_${level}`}
            />
          ))}
          <Tile
            label={s("acknowledgedOpen")}
            count={count(escalations, "acknowledged_open")}
            href="/supervise/escalations?status=acknowledged"
            testId="acknowledged_open"
          />
        </Tiles>
      </div>
    </section>
  );
}

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "0.00";
}

function Tiles({ title, id, children }: { title: string; id: string; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="card">
      <h2 id={id}>{title}</h2>
      <ul class="counts">{children}</ul>
    </section>
  );
}

interface TileProps {
  label: string;
  count: number;
  href: string;
  testId: string;
  note?: string;
}

function Tile({ label, count, href, testId, note }: TileProps) {
  return (
    <li>
      <a
        href={href}
        onClick={followLink}
        class="count-link"
        data-count={testId}
      >
        <span class="count">{count.toLocaleString("th-TH")}</span>
        <span>{label}</span>
      </a>
      {note && <p class="note">{note}</p>}
    </li>
  );
}
