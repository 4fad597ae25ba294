/** Reports: pick one, an area (the supervisor's or one inside it) and a fiscal year; the table,
 * and the same report as an Excel file. */
import { useEffect, useState } from "preact/hooks";
import { formatDate, todayIso } from "../dates";
import {
  excelLink,
  fiscalYearOf,
  loadAreaWithChildren,
  loadReport,
  loadReportList,
  type Area,
  type Report,
  type ReportSummary,
} from "./data";
import { useTexts } from "./text";

interface Choice {
  report: string;
  area: string;
  year: number;
}

export function Reports({ home, asked }: { home: string; asked: URLSearchParams }) {
  const { t, s, language } = useTexts();
  const current = fiscalYearOf(todayIso());
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const [choice, setChoice] = useState<Choice>({
    report: asked.get("report") ?? "cases",
    area: asked.get("area") ?? home,
    year: Number(asked.get("fiscal_year") ?? current),
  });
  const [shown, setShown] = useState<Choice>(choice);
  const [table, setTable] = useState<Report | "loading" | "failed">("loading");

  useEffect(() => {
    void loadReportList().then(setReports, () => undefined);
    void loadAreaWithChildren(home).then(setAreas, () => undefined);
  }, [home]);
  useEffect(() => {
    setTable("loading");
    loadReport(shown.report, shown.area, shown.year, language).then(setTable, () => {
      setTable("failed");
    });
  }, [shown, language]);

  const submit = (event: Event) => {
    event.preventDefault();
    setShown(choice);
  };
  const name = (area: Area) => `${language === "th" ? area.name_th : area.name_en} (${area.code})`;
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{s("reportsTitle")}</h1>
      <form class="card" onSubmit={submit}>
        <label for="report-name">{s("report")}</label>
        <select
          id="report-name"
          value={choice.report}
          onChange={(e) => {
            setChoice({ ...choice, report: e.currentTarget.value });
          }}
        >
          {reports.map((r) => (
            <option key={r.name} value={r.name}>
              {language === "th" ? r.title_th : r.title_en}
            </option>
          ))}
        </select>
        <label for="report-area">{s("area")}</label>
        <select
          id="report-area"
          value={choice.area}
          onChange={(e) => {
            setChoice({ ...choice, area: e.currentTarget.value });
          }}
        >
          {(areas.length ? areas : [{ code: home, name_th: home, name_en: home } as Area]).map((a) => (
            <option key={a.code} value={a.code}>
              {name(a)}
            </option>
          ))}
        </select>
        <label for="report-year">{s("fiscalYear")}</label>
        <select
          id="report-year"
          value={String(choice.year)}
          onChange={(e) => {
            setChoice({ ...choice, year: Number(e.currentTarget.value) });
          }}
        >
          {[0, 1, 2, 3, 4].map((back) => (
            <option key={back} value={String(current - back)}>
              {current - back}
            </option>
          ))}
        </select>
        <button type="submit">{s("show")}</button>
      </form>
      {table === "loading" && <p>{t("loading")}</p>}
      {table === "failed" && <p role="alert">{t("loadFailed")}</p>}
      {typeof table === "object" && (
        <ReportTable report={table} download={excelLink(shown.report, shown.area, shown.year, language)} />
      )}
    </section>
  );
}

function ReportTable({ report, download }: { report: Report; download: string }) {
  const { s, language } = useTexts();
  const cell = (value: unknown) =>
    typeof value === "string" || typeof value === "number" ? String(value) : "–";
  return (
    <div class="card">
      <h2 id="report-table-title">
        {report.title} · {s("fiscalYear")} {report.fiscal_year}
      </h2>
      <p class="note">{s("asOf", { date: formatDate(report.as_of, language) })}</p>
      <a class="download" href={download} download>
        {s("download")}
      </a>
      <div class="scroll" tabIndex={0} role="region" aria-labelledby="report-table-title">
        <table class="report">
          <thead>
            <tr>
              <th scope="col">{s("area")}</th>
              {report.columns.map((column) => (
                <th key={column.key} scope="col" title={column.definition}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.name}</th>
                {report.columns.map((column) => (
                  <td key={column.key} data-column={column.key}>
                    {cell(row[column.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-row="total">
              <th scope="row">{s("total")}</th>
              {report.columns.map((column) => (
                <td key={column.key} data-column={column.key}>
                  {cell(report.totals[column.key])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
