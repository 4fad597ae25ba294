"""Reports for supervisors: one framework, one module per report.

A report is columns (key, Thai and English header, kind, Thai and English definition) and rows, one
per child area of the area asked for (districts of a province, tambons of a district, villages of
a tambon) or one per team, with a totals row that is the sum of the rows (percentages recomputed
from the totals). `compose.py` builds it, `xlsx.py` and `csv_table.py` export it,
`gateway/routes/reports.py` serves it as JSON, XLSX or CSV at `/api/v1/reports/<name>`.

## Adding a report (the contract a service and a report module follow)

1. The service exposes an RPC method `(caller: dict, query: dict) -> dict`, where `query` is
   `{"area": "<DOPA code>", "fiscal_year": <Buddhist-era year>}` (the gateway always sends both).
   It loads the query with `infra.reports.ReportQuery` (422 naming `area` or `fiscal_year`), asks
   `infra.reports.report_scope(caller, area)` (NotFound when the caller reaches no part of the
   area, else `scope.parts`, the parts it reaches, and `scope.key_length`) and answers from SQL
   aggregates over its own tables only, GROUP BY the first `scope.key_length` digits of the area
   code (or by team), counting only what its own list routes show that caller:

       {"rows": [{"key": "<child area code or team id>", "<column key>": <value>, ...}],
        "totals": {"<column key>": <value>, ...}}      # optional, see below

   - count: an integer; baht: a decimal string ("1234.50"); text: a string. A team row carries
     its `name`. A row or column left out counts as zero.
   - `totals` only for the kinds that cannot be summed, `hours` (a median) and `number` (a
     person's caseload; a province's target that its districts do not split): the service
     computes them over all its rows, or leaves them out (blank).
   - percentages are never sent: the report module declares them as a ratio of two columns and
     the gateway computes them, for each row and from the totals.
   A report that can be made for one Smile Team has a second method taking
   `{"team": "<team id>", "fiscal_year": ...}` (`infra.reports.TeamReportQuery`), answering the
   same columns a row per village (`key`: the 8-digit code) of the team's households the caller
   may list. The gateway first asks the teams service for the team (`get_team`: NotFound for a
   team the caller may not read), then calls these methods.
2. A module in `gateway/reports/definitions/` declares a `Report`: its name (the URL's
   `<name>`), titles, file names, `rows_by` ("area" or "team"), the `Part`s it calls (service and
   RPC method; the parts of one report are called in parallel and their rows merged by key), its
   `team_parts` when it is made for a team too, and its `Column`s; then it is added to `REPORTS`
   in `definitions/__init__.py`. Nothing else changes: the route, the exports and the OpenAPI
   document serve every report in `REPORTS`.
"""
