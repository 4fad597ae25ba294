"""schemathesis hooks (SCHEMATHESIS_HOOKS) for tests/e2e/test_api_schema.py: the values a real
client sends where the document can state the rule's shape but not its data.

- Idempotency-Key: the fuzzer draws keys from a small space ("00000000" again and again), so a
  key meets a different request it was already used for and the answer is 422 for the key, not a
  test of the route. A well-formed key is made fresh per request, as a real client's is; a
  malformed one is kept, so the key's own rule is still fuzzed.
- If-Match: a client sends the ETag it last read. Valid (positive) cases send the object's
  current one, read with a GET as a client would; invalid ones keep the drawn tag, so 412 and
  428 are still met. Changes go one at a time across the workers, from that read to the answer,
  so another worker's change to the same object cannot make the tag stale in between.
- The administrator the fuzzer signs in as is never the one it changes: deactivated or given other
  roles, every later request would be answered 401. A case naming them names a stranger instead.
- The document's own formats: `dopa-area-code` (a code in the DOPA area data, which no pattern can
  list), `th-national-id` (the mod-11 check digit), and dates near today, where every date range
  of the API overlaps (a visit's day has passed, a plan's lies ahead, a run date is near today);
  `year-month` likewise, a month of the last two years (a report's month has begun).
- Python 3.11.7's `ast.parse` keeps its recursion count per interpreter, not per thread
  (CPython gh-106905, fixed in later releases): hypothesis and schemathesis parse sources in each
  worker thread, and two parses at once once failed the run with "AST constructor recursion depth
  mismatch". Parses go one at a time here.
- Related objects (SMILE_STOCK, tests/e2e/fuzz_stock.py): a valid request to assign a household,
  form a trainer team or an occupation group, register a person or upload a BMN file needs
  objects that exist in the right relation, or a file with real rows, which no schema can carry.
  Valid (positive) cases get them in place of the drawn ids; every other field stays drawn.
- Ranges that move with today: a fiscal year's ceiling is stated as `x-fiscal-years-ahead` of
  the current one, which a client adds to the fiscal year it is in, as the hook does here.
"""

from __future__ import annotations

import ast
import itertools
import json
import os
import threading
import uuid
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import geothai
import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode
from stdnum.th import pin

from gateway.idempotency import HEADER, KEY_RULE
from infra.fields import FISCAL_YEARS_AHEAD
from infra.fiscal import current_fiscal_year

READS = ("GET", "HEAD", "OPTIONS", "TRACE")
_WRITING = threading.Lock()
_WRITER = threading.local()  # whether this worker's call holds _WRITING
BASE_URL = os.environ.get("SMILE_BASE_URL", "")
TOKEN = os.environ.get("SMILE_TOKEN", "")
ADMIN_ID = os.environ.get("SMILE_ADMIN_ID", "")
STOCK_FILE = os.environ.get("SMILE_STOCK", "")
STOCK = json.loads(Path(STOCK_FILE).read_text()) if STOCK_FILE else {}
TODAY = datetime.now(UTC).date()
_PARSING = threading.Lock()
_SAGE_VILLAGES = itertools.count()  # villages 10-99 of the stock's tambon, one per trainer team
_parse = ast.parse


def _parse_alone(*args, **kwargs):
    with _PARSING:
        return _parse(*args, **kwargs)


ast.parse = _parse_alone
RECENT_DAYS = st.integers(0, 20).map(lambda back: TODAY - timedelta(days=back))


def _national_id(base: int) -> str:
    digits = str(base)
    return digits + pin.calc_check_digit(digits)


def _month_back(months: int) -> str:
    """The month `months` before UTC's current one (Bangkok's is never earlier), as YYYY-MM."""
    index = TODAY.year * 12 + TODAY.month - 1 - months
    return f"{index // 12}-{index % 12 + 1:02d}"


def _area_codes() -> st.SearchStrategy[str]:
    provinces = [p.code for p in geothai.provinces()]
    districts = [d.code for p in provinces for d in geothai.districts(p)]
    subdistricts = [s.code for d in districts for s in geothai.subdistricts(d)]
    villages = st.tuples(st.sampled_from(subdistricts), st.integers(1, 20))
    return st.one_of(
        st.sampled_from(provinces),
        st.sampled_from(districts),
        st.sampled_from(subdistricts),
        villages.map(lambda pair: f"{pair[0]}{pair[1]:02d}"),
    )


schemathesis.openapi.format("dopa-area-code", _area_codes())
schemathesis.openapi.format("th-national-id", st.integers(10**11, 9 * 10**11 - 1).map(_national_id))
schemathesis.openapi.format("date", RECENT_DAYS.map(lambda day: day.isoformat()))
schemathesis.openapi.format("year-month", st.integers(0, 23).map(_month_back))
schemathesis.openapi.format(
    "date-time",
    st.builds(
        lambda day, hour: datetime.combine(day, time(hour), timezone(timedelta(hours=7))),
        RECENT_DAYS,
        st.integers(0, 23),
    ).map(lambda moment: moment.isoformat()),
)


@schemathesis.hook
def before_load_schema(ctx, raw_schema):
    _fiscal_year_ceilings(raw_schema, current_fiscal_year())


def _fiscal_year_ceilings(node, current: int) -> None:
    if isinstance(node, dict):
        if FISCAL_YEARS_AHEAD in node:
            node["maximum"] = current + node[FISCAL_YEARS_AHEAD]
        for value in node.values():
            _fiscal_year_ceilings(value, current)
    elif isinstance(node, list):
        for value in node:
            _fiscal_year_ceilings(value, current)


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if case.method.upper() not in READS:
        _write_alone()
    headers = case.headers if case.headers is not None else {}
    key = headers.get(HEADER)
    if isinstance(key, str) and KEY_RULE.fullmatch(key):
        headers[HEADER] = uuid.uuid4().hex
    if ADMIN_ID:
        case.path_parameters = _spare_the_administrator(case.path_parameters)
        case.body = _spare_the_administrator(case.body)
    supply = SUPPLIES.get(f"{case.method.upper()} {case.path}")
    if supply is not None and STOCK and _positive(case):
        supply(case)
    if "If-Match" in headers and _positive(case) and (tag := _current_tag(case)):
        headers["If-Match"] = tag


@schemathesis.hook
def after_call(ctx, case, response):
    _done_writing()


@schemathesis.hook
def after_network_error(ctx, case, request):
    _done_writing()


def _write_alone() -> None:
    """One change at a time across the workers, from reading its ETag to its answer: another
    worker's change to the same object in between would make the tag stale (412)."""
    _done_writing()  # a call that ended with neither hook (an error of the hooks' own)
    _WRITER.holds = _WRITING.acquire(timeout=60)


def _done_writing() -> None:
    if getattr(_WRITER, "holds", False):
        _WRITER.holds = False
        _WRITING.release()


def _spare_the_administrator(value):
    if value == ADMIN_ID:
        return str(uuid.uuid4())
    if isinstance(value, dict):
        return {key: _spare_the_administrator(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_spare_the_administrator(item) for item in value]
    return value


def _positive(case) -> bool:
    return case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE


def _current_tag(case) -> str | None:
    """The ETag of the object the path names, or of the nearest one above it that has one; for
    an object with no GET of its own (a group's report of a month), its version in the list of
    its kind (`{"items": [{"period": "2026-11", "version": 2}, ...]}`), as a client reads it."""
    path = case.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace(f"{{{name}}}", quote(str(value), safe=""))
    named = None
    while path.count("/") > 3:
        answer = requests.get(
            f"{BASE_URL}{path}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=15
        )
        tag = answer.headers.get("ETag") or _listed(answer, named)
        if answer.status_code == 200 and tag:
            return tag
        path, named = path.rsplit("/", 1)
    return None


def _listed(answer: requests.Response, named: str | None) -> str | None:
    listed = answer.headers.get("Content-Type", "").startswith("application/json") and named
    body = answer.json() if listed else None
    items = body.get("items") if isinstance(body, dict) else None
    found = [item for item in items or [] if isinstance(item, dict) and named in item.values()]
    return f'"{found[0]["version"]}"' if len(found) == 1 and "version" in found[0] else None


def _body(case) -> dict:
    return case.body if isinstance(case.body, dict) else {}


def _assignment(case) -> None:
    household, team = STOCK["unassigned_household"], STOCK["team_id"]
    case.body = {**_body(case), "household_id": household, "team_id": team}


def _village_assignment(case) -> None:
    case.body = {**_body(case), "team_id": STOCK["team_id"], "village_code": STOCK["village_code"]}


def _occupation_group(case) -> None:
    case.body = {
        **_body(case),
        "village_code": STOCK["village_code"],
        "occupation": STOCK["occupation"],
        "members": [STOCK["trained_household"]],
    }


def _trainer_team(case) -> None:
    """Five trainers of a village that has no trainer team yet, the first of them the lead."""
    village = f"{STOCK['tambon_code']}{next(_SAGE_VILLAGES) % 90 + 10:02d}"
    sages = [_created("/api/v1/people", _person_at("trainer", village)) for _ in range(5)]
    if all(sages):
        lead = {"lead": True, "lead_trained_on": "2026-01-05"}
        members = [{"person_id": p, **(lead if i == 0 else {})} for i, p in enumerate(sages)]
        case.body = {**_body(case), "village_code": village, "members": members}


def _person(case) -> None:
    """One role of those drawn, with an area of its level (each area must suit the roles), and
    a username and national ID nobody has yet."""
    body = _body(case)
    roles = [r for r in body.get("roles") or [] if r in STOCK["areas_by_role"]]
    if roles:
        body["roles"], body["areas"] = roles[:1], [STOCK["areas_by_role"][roles[0]]]
    body["username"] = f"fz{uuid.uuid4().hex[:12]}"
    if body.get("national_id"):
        body["national_id"] = _national_id(uuid.uuid4().int % (8 * 10**11) + 10**11)
    case.body = body


def _person_changed(case) -> None:
    case.path_parameters = {**(case.path_parameters or {}), "person_id": STOCK["spare_person"]}
    _person(case)


def _cohort(case) -> None:
    team, households = STOCK["trainer_team_id"], [STOCK["unassigned_household"]]
    case.body = {**_body(case), "trainer_team_id": team, "households": households}


def _group_members(case) -> None:
    """A group of its own for each case, which the newly trained household joins."""
    group = {
        "name": f"fz {uuid.uuid4().hex[:8]}",
        "occupation": STOCK["occupation"],
        "village_code": STOCK["village_code"],
        "members": [STOCK["trained_household"]],
    }
    if formed := _created("/api/v1/occupation-groups", group):
        _in_path(case, group_id=formed)
        case.body = {**_body(case), "members": [STOCK["newly_trained_household"]]}


def _cohort_households(case) -> None:
    """A cohort of its own for each case, which a second household joins."""
    cohort = {
        "trainer_team_id": STOCK["trainer_team_id"],
        "occupation": STOCK["occupation"],
        "households": [STOCK["unassigned_household"]],
    }
    if opened := _created("/api/v1/cohorts", cohort):
        _in_path(case, cohort_id=opened)
        case.body = {**_body(case), "households": [STOCK["trained_household"]]}


def _attendance(case) -> None:
    _in_path(case, cohort_id=STOCK["open_cohort_id"], session_id=STOCK["session_id"])
    marks = [{"household_id": STOCK["assigned_household"], "present": True}]
    case.body = {**_body(case), "attendance": marks}


def _reassignment(case) -> None:
    """The household moves to whichever of the stock's two teams it is not on."""
    household = STOCK["assigned_household"]
    now = requests.get(f"{BASE_URL}/api/v1/assignments/{household}", headers=_admin(), timeout=15)
    current = now.json().get("team_id") if now.status_code == 200 else None
    other = STOCK["other_team_id"] if current == STOCK["team_id"] else STOCK["team_id"]
    _in_path(case, household_id=household)
    case.body = {**_body(case), "team_id": other}


def _team_member(case) -> None:
    """A team of its own still forming for each case, and a volunteer leader to fill its seat."""
    leader = _volunteer_leader()
    team = _created("/api/v1/teams", _team([]))
    if leader and team:
        _in_path(case, team_id=team)
        case.body = {**_body(case), "person_id": leader, "role": "volunteer_leader"}


def _team_departure(case) -> None:
    """A team of its own for each case, whose volunteer leader leaves."""
    leader = _volunteer_leader()
    team = leader and _created(
        "/api/v1/teams", _team([{"role": "volunteer_leader", "person_id": leader}])
    )
    if team:
        _in_path(case, team_id=team)
        case.body = {**_body(case), "person_id": leader}


def _collection_sheet(case) -> None:
    """A deposit of the stock group's member (the group's monthly minimum), at today's meeting."""
    _in_path(case, savings_group_id=STOCK["savings_group_id"])
    line = {"kind": "deposit", "member_id": STOCK["member_id"], "amount_thb": "100.00"}
    today = datetime.now(timezone(timedelta(hours=7))).date().isoformat()
    case.body = {**_body(case), "meeting_on": today, "lines": [line]}


def _volunteer_leader() -> str | None:
    return _created("/api/v1/people", _person_at("volunteer_leader", STOCK["village_code"]))


def _person_at(role: str, area: str) -> dict:
    name = f"fz{uuid.uuid4().hex[:12]}"
    return {"username": name, "display_name": name, "roles": [role], "areas": [area]}


def _team(members: list[dict]) -> dict:
    coverage = [STOCK["tambon_code"]]
    return {"name": f"fz {uuid.uuid4().hex[:8]}", "coverage": coverage, "members": members}


def _created(path: str, body: dict) -> str | None:
    """The id of what the administrator creates (None if refused: the case goes as drawn)."""
    headers = {**_admin(), HEADER: uuid.uuid4().hex}
    answer = requests.post(f"{BASE_URL}{path}", json=body, headers=headers, timeout=15)
    return answer.json()["id"] if answer.status_code == 201 else None


def _admin() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def _in_path(case, **values: str) -> None:
    case.path_parameters = {**(case.path_parameters or {}), **values}


def _bmn_file(case) -> None:
    """A CSV with one household of the stock's village (XLSX cases keep their drawn bytes)."""
    if case.media_type == "text/csv":
        head = _national_id(uuid.uuid4().int % (8 * 10**11) + 10**11)
        case.body = (
            "village_code,head_national_id,head_first_name,head_last_name,household_size,"
            f"annual_income_thb\r\n{STOCK['village_code']},{head},Somchai,Dee,3,30000.00\r\n"
        )


SUPPLIES = {
    "POST /api/v1/assignments": _assignment,
    "POST /api/v1/assignments/villages": _village_assignment,
    "POST /api/v1/occupation-groups": _occupation_group,
    "POST /api/v1/trainer-teams": _trainer_team,
    "POST /api/v1/people": _person,
    "PUT /api/v1/people/{person_id}": _person_changed,
    "POST /api/v1/cohorts": _cohort,
    "POST /api/v1/occupation-groups/{group_id}/members": _group_members,
    "POST /api/v1/cohorts/{cohort_id}/households": _cohort_households,
    "PUT /api/v1/cohorts/{cohort_id}/sessions/{session_id}/attendance": _attendance,
    "POST /api/v1/assignments/{household_id}/reassignment": _reassignment,
    "POST /api/v1/teams/{team_id}/members": _team_member,
    "POST /api/v1/teams/{team_id}/departures": _team_departure,
    "POST /api/v1/savings-groups/{savings_group_id}/collection-sheets": _collection_sheet,
    "POST /api/v1/household-imports": _bmn_file,
}
