"""schemathesis hooks (SCHEMATHESIS_HOOKS) for tests/e2e/test_api_schema.py: the values a real
client sends where the document can state the rule's shape but not its data.

- Idempotency-Key: the fuzzer draws keys from a small space ("00000000" again and again), so a
  key meets a different request it was already used for and the answer is 422 for the key, not a
  test of the route. A well-formed key is made fresh per request, as a real client's is; a
  malformed one is kept, so the key's own rule is still fuzzed.
- If-Match: a client sends the ETag it last read. Valid (positive) cases, and any case whose
  drawn tag is well formed (the coverage phase draws "1" for every object), send the object's
  current one, read with a GET as a client would: a drawn version is stale as soon as another
  operation changed the object, and that 412 is the fuzzer's, not the route's. Malformed or
  missing tags are kept, so 400 and 428 are still met (412 has its own e2e tests). Changes go
  one at a time across the workers, from that read to the answer,
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
import io
import itertools
import json
import os
import re
import threading
import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import geothai
import openpyxl
import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoverageScenario
from schemathesis.generation.modes import GenerationMode
from stdnum.th import pin

from gateway.idempotency import HEADER, KEY_RULE
from infra.fields import FISCAL_YEARS_AHEAD
from infra.fiscal import current_fiscal_year, last_day
from services.households.imports.columns import REQUIRED

READS = ("GET", "HEAD", "OPTIONS", "TRACE")
DOCUMENTED_TAG = re.compile(r'"[1-9][0-9]{0,8}"')  # the If-Match the document describes
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
BANGKOK = timezone(timedelta(hours=7))


def _parse_alone(*args, **kwargs):
    with _PARSING:
        return _parse(*args, **kwargs)


ast.parse = _parse_alone
RECENT_DAYS = st.integers(0, 20).map(lambda back: TODAY - timedelta(days=back))


def _national_id(base: int) -> str:
    digits = str(base)
    return digits + pin.calc_check_digit(digits)


def _fresh_national_id() -> str:
    """A valid national ID nobody has yet (random, first digit 1-8)."""
    return _national_id(uuid.uuid4().int % (8 * 10**11) + 10**11)


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
    if _positive(case) and case.query and "after" in case.query:
        # a list's cursor is valid only as the server gave it: no drawn string is one
        case.query = {name: value for name, value in case.query.items() if name != "after"}
    if _positive(case):
        case.body, case.query = _recent_days(case.body), _recent_days(case.query)
    supply = SUPPLIES.get(f"{case.method.upper()} {case.path}")
    tagged = False  # a supply that read the object's version sets If-Match itself
    if supply is not None and STOCK and _positive(case):
        tagged = bool(supply(case))
    drawn_tag = headers.get("If-Match")
    well_formed = isinstance(drawn_tag, str) and DOCUMENTED_TAG.fullmatch(drawn_tag)
    refresh = (well_formed or _positive(case)) and drawn_tag is not None and not tagged
    if refresh and (tag := _current_tag(case)):
        headers["If-Match"] = tag


@schemathesis.hook
def after_call(ctx, case, response):
    _done_writing()


@schemathesis.hook
def after_network_error(ctx, case, request):
    _done_writing()


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _recent_days(value):
    """A valid case's days near today, as the document's date ranges say in words. The fuzzer
    also reuses values from earlier answers (a loan's schedule, a plan's deadline): a day months
    ahead taken from those is no day a visit, a meeting or a payment happened on."""
    if isinstance(value, dict):
        return {key: _recent_days(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_recent_days(item) for item in value]
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
        return value if TODAY - timedelta(days=20) <= day <= TODAY else TODAY.isoformat()
    return value


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
    """A valid case, as schemathesis will count it once sent. The coverage phase labels a
    request with an unknown header invalid, but headers may carry any other header: when this
    hook touches the headers (a fresh Idempotency-Key, the current If-Match), schemathesis checks
    them again and counts the case valid, so it must get what a valid case needs here too."""
    if case.meta is None:
        return False
    data = case.meta.phase.data
    extra_header = (
        getattr(data, "scenario", None) == CoverageScenario.OBJECT_UNEXPECTED_PROPERTIES
        and getattr(data, "parameter_location", None) == ParameterLocation.HEADER
    )
    return case.meta.generation.mode == GenerationMode.POSITIVE or extra_header


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
        body["national_id"] = _fresh_national_id()
    case.body = body


def _person_changed(case) -> None:
    case.path_parameters = {**(case.path_parameters or {}), "person_id": STOCK["spare_person"]}
    _person(case)
    if _positive(case):  # the drawn name differs: a correction says why
        case.body = {**case.body, "reason": "fuzz"}


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


def _lead_trainer_course(case) -> None:
    """A course runs four days: the fourth day after the drawn first, and no participants (the
    document cannot say which people hold the role trainer in the drawn area)."""
    body = _body(case)
    try:
        first = date.fromisoformat(body.get("starts_on"))
    except (TypeError, ValueError):
        return
    case.body = {**body, "ends_on": (first + timedelta(days=3)).isoformat(), "participants": []}


def _community_sage(case) -> None:
    """A sage of the stock's village surveyed today (any drawn village's supervisor is the
    administrator, but a drawn day may be ahead of Bangkok's today)."""
    body = {**_body(case), "village_code": STOCK["village_code"], "surveyed_on": TODAY.isoformat()}
    case.body = body


def _follow_up_done(case) -> None:
    """B's planned follow-up (done once; a repeat is 409)."""
    _in_path(case, cohort_id=STOCK["follow_up_cohort_id"], follow_up_id=STOCK["follow_up_id"])


def _course_changed(case) -> None:
    _in_path(case, course_id=STOCK["course_id"])
    _lead_trainer_course(case)


def _model_household(case) -> None:
    """B's district, whose women's development committee is registered, and a household that
    finished a training there."""
    _in_path(case, district_code=STOCK["tambon_code"][:4])
    case.body = {**_body(case), "household_id": STOCK["trained_household"]}


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
    case.body = {**_body(case), "meeting_on": _bangkok_today(), "lines": [line]}


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


def _team_task(case) -> None:
    """A task due in the plan's own fiscal year, for no household or member in particular (drawn
    ids name none of the team's, and a drawn day may lie in another year)."""
    plan_id = quote(str((case.path_parameters or {}).get("team_plan_id", "")), safe="")
    plan = requests.get(f"{BASE_URL}/api/v1/team-plans/{plan_id}", headers=_admin(), timeout=15)
    body = {**_body(case), "household_id": None, "owner_id": None}
    if plan.status_code == 200:
        body["due_on"] = last_day(plan.json()["fiscal_year"]).isoformat()
    case.body = body


def _admin() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def _in_path(case, **values: str) -> None:
    case.path_parameters = {**(case.path_parameters or {}), **values}


def _bmn_file(case) -> None:
    """A file with one household of the stock's village, in the drawn format (the query's
    `format`, when drawn, names the one sent)."""
    head = _fresh_national_id()
    row = [STOCK["village_code"], head, "Somchai", "Dee", "3", "30000.00"]
    if case.media_type == "text/csv":
        case.body = "\r\n".join([",".join(REQUIRED), ",".join(row), ""])
        kind = "csv"
    else:
        case.body, kind = _workbook([list(REQUIRED), row]), "xlsx"
    if case.query and case.query.get("format") is not None:
        case.query = {**case.query, "format": kind}


def _workbook(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _targeting(case) -> None:
    """A survey year with an income threshold in this deployment's configuration (from 2017),
    which the document, built from the code alone, cannot state."""
    year = _body(case).get("survey_year")
    if isinstance(year, int) and year < 2017:
        case.body = {**_body(case), "survey_year": 2017}


def _team_formed(case) -> None:
    """A team that starts with no members (drawn ids name nobody; seats are filled later)."""
    case.body = {**_body(case), "members": []}


def _report_scope(case) -> None:
    """A province's report: the document says in words what a query's schema cannot (one of
    `area` and `team`; `rows` below the area, and only for reports with a row per area)."""
    query = {k: v for k, v in (case.query or {}).items() if k not in ("team", "rows")}
    case.query = {**query, "area": STOCK["tambon_code"][:2]}


def _ledger_page(case) -> None:
    """The group's own members and loans."""
    _in_path(case, savings_group_id=STOCK["savings_group_id"])
    query = dict(case.query or {})
    if query.get("member_id") is not None:
        query["member_id"] = STOCK["member_id"]
    query.pop("loan_id", None)
    case.query = query


def _loopback_endpoint(case) -> None:
    """An outside system's endpoint where nothing listens: its deliveries fail at once, and no
    drawn address is ever called."""
    body = _body(case)
    if case.method.upper() == "POST" or "url" in body:
        case.body = {**body, "url": "http://127.0.0.1:9/fuzz"}


def _savings_group(case) -> None:
    """A committee names each person once, and a network the group joins must exist: rules the
    document states in words (a list of objects cannot say which field is unique). A drawn
    network is left out (the group stands alone); drawn people stay, made distinct."""
    body = _body(case)
    committee = body.get("committee")
    if isinstance(committee, list):
        body["committee"] = [
            {**member, "person_id": str(uuid.uuid4())} if isinstance(member, dict) else member
            for member in committee
        ]
    case.body = {**body, "network_id": None}


def _bangkok_today() -> str:
    return datetime.now(BANGKOK).date().isoformat()


def _registered(members: int = 1) -> str | None:
    """A household of the stock's village registered now, with `members` people (the first the
    head), each with a national ID nobody has."""
    people = [
        {
            "first_name": f"Fz{number}",
            "last_name": "Dee",
            "is_head": number == 1,
            "national_id": _fresh_national_id(),
        }
        for number in range(1, members + 1)
    ]
    body = {"village_code": STOCK["village_code"], "members": people}
    return _created("/api/v1/households", body)


def _version_of(path: str) -> int | None:
    answer = requests.get(f"{BASE_URL}{path}", headers=_admin(), timeout=15)
    tag = answer.headers.get("ETag", "").strip('"')
    return int(tag) if answer.status_code == 200 and tag.isdigit() else None


def _member_move(case) -> None:
    """The second member (numbers start at 0) of a household of its own moves, today, into
    another one of its own (the other's version read as a client reads it)."""
    source, target = _registered(members=2), _registered()
    version = target and _version_of(f"/api/v1/households/{target}")
    if source and target and version:
        _in_path(case, household_id=source)
        moved = {"member": 1, "to_household_id": target, "to_version": version}
        case.body = {**_body(case), **moved, "moved_on": _bangkok_today(), "new_head": None}


def _new_head(case) -> None:
    """The second member of a household of its own becomes its head."""
    if household := _registered(members=2):
        _in_path(case, household_id=household)
        case.body = {**_body(case), "member": 1}


def _removal(case) -> None:
    """The second member (not the head) of a household of its own leaves today."""
    if household := _registered(members=2):
        _in_path(case, household_id=household, member=1)
        case.body = {**_body(case), "left_on": _bangkok_today(), "new_head": None}


def _stage(case) -> None:
    """A household of its own moves to the drawn stage (a move its stage does not allow is 409);
    one closed as a duplicate names another household of its own."""
    if household := _registered():
        _in_path(case, household_id=household)
        body = _body(case)
        merged = body.get("to_stage") == "merged"
        case.body = {**body, "merged_into": _registered() if merged else None}


def _moved_away(case) -> None:
    """A household of its own moves away today (not before it was registered, which is now)."""
    if household := _registered():
        _in_path(case, household_id=household)
        case.body = {**_body(case), "moved_on": _bangkok_today()}


PLAN_PATH = "/api/v1/households/{}/plan"


def _plan_in(status: str):
    """The stock household's plan brought to `status` (draft or submitted) by the steps a case
    worker takes, so that submitting, returning or approving it is the valid next step; the
    plan's version, read from the household's plans as a client reads it, is the If-Match."""

    def supply(case) -> bool:
        household = STOCK["plan_household"]
        _in_path(case, household_id=household)
        plan = _latest_plan(household)
        for _ in range(3):  # approved -> draft -> submitted at most
            if plan is None or plan["status"] == status:
                break
            _next_plan_step(household, plan)
            plan = _latest_plan(household)
        if plan is not None and case.headers is not None and "If-Match" in case.headers:
            case.headers["If-Match"] = f'"{plan["version"]}"'
        return True

    return supply


def _latest_plan(household: str) -> dict | None:
    path = f"{BASE_URL}{PLAN_PATH.format(household)}s"
    answer = requests.get(path, headers=_admin(), timeout=15)
    plans = answer.json()["items"] if answer.status_code == 200 else []
    return max(plans, key=lambda plan: plan["number"], default=None)


def _next_plan_step(household: str, plan: dict) -> None:
    path = f"{BASE_URL}{PLAN_PATH.format(household)}"
    headers = {**_admin(), "If-Match": f'"{plan["version"]}"', HEADER: uuid.uuid4().hex}
    if plan["status"] == "approved":  # the next version opens as a draft
        requests.put(path, json=STOCK["plan"], headers=_admin(), timeout=15)
    elif plan["status"] == "draft":
        requests.post(f"{path}/submission", json={}, headers=headers, timeout=15)
    elif plan["status"] == "submitted":
        requests.post(f"{path}/return", json={"reason": "fuzz"}, headers=headers, timeout=15)


def _repayment(case) -> None:
    """A satang-sized repayment of the stock's paid-out loan, booked today: the loan stays owed
    for every case (a drawn amount would settle it at once, and later ones would overpay)."""
    _in_path(case, loan_id=STOCK["paid_out_loan_id"])
    body = {**_body(case), "amount_thb": "0.01", "on": None}
    if body.get("client_key") is not None:
        body["client_key"] = uuid.uuid4().hex
    case.body = body


def _training_result(case) -> None:
    """A household that finished the stock's cohort completed seven months ago (both
    checkpoints have come)."""
    _in_path(case, cohort_id=STOCK["results_cohort_id"])
    case.body = {**_body(case), "household_id": STOCK["results_household"]}


def _willingness(case) -> None:
    """A cohort of its own for each case with a household of its own (one that said yes stays
    in its cohort and can join no other), and its answer, recorded by the caller (a drawn asker
    is no sage of the trainer team)."""
    household = _registered()
    cohort = {
        "trainer_team_id": STOCK["trainer_team_id"],
        "occupation": STOCK["occupation"],
        "households": [household],
    }
    if household and _known_to_teams(household) and (opened := _created("/api/v1/cohorts", cohort)):
        _in_path(case, cohort_id=opened, household_id=household)
        case.body = {**_body(case), "asked_by": None}


def _known_to_teams(household: str) -> bool:
    """Whether the teams service has learnt of the household (from its event) within 60 s (a
    loaded machine is slow to relay and apply it)."""
    path = f"{BASE_URL}/api/v1/assignments/{household}"
    for _ in range(600):
        if requests.get(path, headers=_admin(), timeout=15).status_code == 200:
            return True
        threading.Event().wait(0.1)
    return False


def _merge(case) -> None:
    """A duplicate of its own merges into another household of its own (the survivor's version
    read as a client reads it)."""
    duplicate, survivor = _registered(), _registered()
    version = survivor and _version_of(f"/api/v1/households/{survivor}")
    if duplicate and survivor and version:
        _in_path(case, household_id=duplicate)
        case.body = {**_body(case), "into_household_id": survivor, "into_version": version}


def _correction(case) -> None:
    """A size no smaller than the members the household names (the document cannot say so)."""
    body, household = _body(case), (case.path_parameters or {}).get("household_id", "")
    answer = requests.get(f"{BASE_URL}/api/v1/households/{quote(str(household), safe='')}",
                          headers=_admin(), timeout=15)  # fmt: skip
    if isinstance(body.get("size"), int) and answer.status_code == 200:
        case.body = {**body, "size": min(99, max(body["size"], len(answer.json()["members"])))}


def _plan_task(case) -> None:
    """A task with no owner (drawn ids name nobody)."""
    case.body = {**_body(case), "owner_id": None}


def _support_organisation(case) -> None:
    """No reporters (drawn ids name nobody)."""
    if "reporters" in _body(case):
        case.body = {**_body(case), "reporters": []}


def _household(case) -> None:
    """Each member a national ID of their own (the document cannot say a list's items differ)."""
    members = _body(case).get("members")
    for member in members if isinstance(members, list) else []:
        if isinstance(member, dict) and isinstance(member.get("national_id"), str):
            member["national_id"] = _fresh_national_id()


SUPPLIES = {
    "POST /api/v1/savings-groups": _savings_group,
    "POST /api/v1/subscriptions": _loopback_endpoint,
    "PATCH /api/v1/subscriptions/{subscription_id}": _loopback_endpoint,
    "GET /api/v1/reports/{name}": _report_scope,
    "GET /api/v1/savings-groups/{savings_group_id}/ledger": _ledger_page,
    "POST /api/v1/assignments": _assignment,
    "POST /api/v1/assignments/villages": _village_assignment,
    "POST /api/v1/occupation-groups": _occupation_group,
    "POST /api/v1/trainer-teams": _trainer_team,
    "POST /api/v1/people": _person,
    "PUT /api/v1/people/{person_id}": _person_changed,
    "POST /api/v1/cohorts": _cohort,
    "POST /api/v1/lead-trainer-courses": _lead_trainer_course,
    "POST /api/v1/community-sages": _community_sage,
    "PUT /api/v1/cohorts/{cohort_id}/follow-ups/{follow_up_id}/done": _follow_up_done,
    "PUT /api/v1/lead-trainer-courses/{course_id}": _course_changed,
    "PUT /api/v1/model-households/{district_code}/{fiscal_year}": _model_household,
    "POST /api/v1/occupation-groups/{group_id}/members": _group_members,
    "POST /api/v1/cohorts/{cohort_id}/households": _cohort_households,
    "PUT /api/v1/cohorts/{cohort_id}/sessions/{session_id}/attendance": _attendance,
    "POST /api/v1/assignments/{household_id}/reassignment": _reassignment,
    "POST /api/v1/teams/{team_id}/members": _team_member,
    "POST /api/v1/teams/{team_id}/departures": _team_departure,
    "POST /api/v1/savings-groups/{savings_group_id}/collection-sheets": _collection_sheet,
    "POST /api/v1/household-imports": _bmn_file,
    "POST /api/v1/team-plans/{team_plan_id}/tasks": _team_task,
    "POST /api/v1/households": _household,
    "POST /api/v1/targeting": _targeting,
    "POST /api/v1/teams": _team_formed,
    "POST /api/v1/households/{household_id}/member-moves": _member_move,
    "POST /api/v1/households/{household_id}/moved-away": _moved_away,
    "POST /api/v1/households/{household_id}/merge": _merge,
    "POST /api/v1/households/{household_id}/head": _new_head,
    "POST /api/v1/households/{household_id}/members/{member}/removal": _removal,
    "POST /api/v1/households/{household_id}/stage": _stage,
    "PATCH /api/v1/households/{household_id}": _correction,
    "POST /api/v1/households/{household_id}/plan/submission": _plan_in("draft"),
    "POST /api/v1/households/{household_id}/plan/return": _plan_in("submitted"),
    "POST /api/v1/households/{household_id}/plan/approval": _plan_in("submitted"),
    "POST /api/v1/loans/{loan_id}/repayments": _repayment,
    "POST /api/v1/cohorts/{cohort_id}/results": _training_result,
    "PUT /api/v1/cohorts/{cohort_id}/willingness/{household_id}": _willingness,
    "POST /api/v1/action-plans/{plan_id}/tasks": _plan_task,
    "POST /api/v1/support-organisations": _support_organisation,
    "PUT /api/v1/support-organisations/{org_id}": _support_organisation,
}
