/** The Smile Teams of the supervisor's area side by side (the `teams` report): households, open
 * cases, overdue work and each member's caseload; a team's figures open its case list. */
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../dates";
import { followLink } from "../router";
import { loadReport, type Report } from "./data";
import { useTexts } from "./text";

export const SIDE_BY_SIDE = [
  "households", "open_cases", "overdue_visits",
  "leader_open_cases", "coordinator_open_cases", "expert_open_cases", "graduation_rate",
] as const;

const cell = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "–");

/** Where a team's figure leads: its case list, its overdue visits. */
export function teamLink(team: string, column: string): string | undefined {
  const base = `/supervise/households?team_id=${encodeURIComponent(team)}`;
  if (column === "open_cases" || column === "households") return base;
  if (column === "overdue_visits") return `${base}&overdue=true`;
  return undefined;
}

export function TeamsSideBySide({ area }: { area: string }) {
  const { t, s, language } = useTexts();
  const [report, setReport] = useState<Report | "loading" | "failed">("loading");
  useEffect(() => {
    setReport("loading");
    loadReport("teams", area, undefined, language).then(setReport, () => { setReport("failed"); });
  }, [area, language]);
  return (
    <section aria-labelledby="teams-title">
      <h1 id="teams-title">{s("teamsTitle")}</h1>
      <p class="note">{s("teamsNote")}</p>
      {report === "loading" && <p>{t("loading")}</p>}
      {report === "failed" && <p role="alert">{t("loadFailed")}</p>}
      {typeof report === "object" && (
        <>
          <p class="note">{s("asOf", { date: formatDate(report.as_of, language) })}</p>
          <TeamTable report={report} />
        </>
      )}
    </section>
  );
}

function TeamTable({ report }: { report: Report }) {
  const { s } = useTexts();
  const columns = SIDE_BY_SIDE.map((key) => report.columns.find((c) => c.key === key)).filter((c) => c !== undefined);
  return (
    <div class="scroll" tabIndex={0} role="region" aria-labelledby="teams-title">
      <table class="report teams">
        <thead>
          <tr>
            <th scope="col">{s("team")}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" title={column.definition}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">
                <a href={teamLink(row.key, "open_cases")} onClick={followLink}>
                  {row.name}
                </a>
              </th>
              {columns.map((column) => {
                const link = teamLink(row.key, column.key);
                const value = cell(row[column.key]);
                return (
                  <td key={column.key} data-column={column.key}>
                    {link && column.key === "overdue_visits" ? (
                      <a href={link} onClick={followLink} aria-label={`${value} ${s("teamOverdue", { team: row.name })}`}>{value}</a>
                    ) : value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-row="total">
            <th scope="row">{s("total")}</th>
            {columns.map((column) => (
              <td key={column.key} data-column={column.key}>{cell(report.totals[column.key])}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
