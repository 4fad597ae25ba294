"""The whole load, step by step with progress and the time taken: accounts, Chachoengsao's Smile
Teams and cases, Pattani's Sammachip programme, savings groups in both, escalations last."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from demo import chachoengsao as cco
from demo import escalations, loans, programme, savings
from demo import pattani as pti
from demo.accounts import Account, People, demo_accounts
from demo.cases import CaseWork
from demo.generate import chachoengsao_teams, pattani_villages
from demo.http import Api, wait_for
from demo.savings import Group, places

Say = Callable[[str], None]
WORKERS = 8  # parallel clients: the services and the gateway each take several at once


@dataclass
class Progress:
    say: Say
    started: float = field(default_factory=time.monotonic)

    def step(self, text: str) -> None:
        self.say(f"[{time.monotonic() - self.started:6.1f}s] {text}")

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def load_chachoengsao(people: People, progress: Progress) -> cco.Province:
    province = cco.Province(chachoengsao_teams())
    cco.register_people(people, province.teams)
    cco.sign_in(people, province)
    progress.step(f"Chachoengsao: people registered ({people.created} new), members signed in")
    formed = cco.form_teams(people, province)
    progress.step(f"Chachoengsao: {formed} Smile Teams formed ({len(province.teams)} in all)")
    imported = cco.import_households(province, progress.step)
    progress.step(f"Chachoengsao: {imported} households imported from the districts' BMN files")
    with ThreadPoolExecutor(4) as pool:
        found = pool.map(lambda d: cco.target(province.experts[d], d), sorted(province.experts))
        targeted = sum(answer["targeted"] for answer in found)
    waiting = cco.count_households(people.admin, cco.CHACHOENGSAO, stage="target")
    progress.step(f"Chachoengsao: {targeted} households targeted now, {waiting} in stage target")
    assigned = cco.assign(province)
    progress.step(f"Chachoengsao: {assigned} households assigned to their Smile Teams")
    cco.find_households(province)
    return province


def load_pattani(people: People, progress: Progress) -> None:
    villages = pattani_villages()
    pti.register_people(people, villages)
    progress.step(f"Pattani: the provincial supervisor and {len(villages) * pti.SAGES} sages")
    imported = pti.import_households(people.admin, villages)
    progress.step(f"Pattani: {imported} households of {len(villages)} target villages imported")
    supervisor = people.login("pti.province")
    teams = pti.form_trainer_teams(people, supervisor, villages)
    progress.step(f"Pattani: {len(teams)} village trainer teams of five sages")
    homes = pti.household_ids(people.admin)
    steps = pti.train(supervisor, villages, teams, homes)
    progress.step(f"Pattani: cohorts, sessions, attendance and completions ({steps} steps)")
    formed = pti.form_groups(supervisor, villages, homes)
    progress.step(f"Pattani: occupation groups formed ({formed} new)")
    made = programme.load(supervisor, villages, date.today())
    progress.step(
        f"Pattani: targets, sub-district plans, OTOP products, group reports ({made} new)"
    )


def load_savings(people: People, province: cco.Province, progress: Progress) -> list[Group]:
    groups = savings.set_up_groups(people, savings.places(province.teams, pattani_villages()))
    for group in groups:
        homes = list(people.admin.items("/households", area=group.village))
        savings.enrol_members(group, homes)
    progress.step(f"Savings: {len(groups)} groups in 4 district networks, members enrolled")
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(savings.post_deposits, groups))
    progress.step(f"Savings: {savings.MONTHS} months of deposits on the meetings' sheets")
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(loans.grant_loans, groups))
    progress.step("Savings: loans applied, approved, rejected, repaid, in arrears, written off")
    return groups


def push_cases(province: cco.Province, progress: Progress) -> None:
    def team_cases(team: cco.Team) -> int:
        coordinator, expert = province.coordinators[team.tambon], province.experts[team.district]
        return sum(
            CaseWork(coordinator, expert, cco.household_id(province, h)).advance(
                team.fates[h.national_id], h, team.number
            )
            for h in team.households
            if h.national_id in team.fates
        )

    with ThreadPoolExecutor(WORKERS) as pool:
        steps = sum(pool.map(team_cases, province.teams))
    progress.step(f"Chachoengsao: cases moved through every stage ({steps} steps)")


def answer_funding(province: cco.Province, groups: list[Group], progress: Progress) -> None:
    """Requests reach the groups of the household's district (others are refused at once):
    wait until each has arrived, then the committees answer them."""
    outcomes = ("granted", "declined", "repaid")
    asked = [g for g in groups if g.village.startswith(cco.CHACHOENGSAO)]
    districts = {g.village[:4] for g in asked}
    outcome_of = {
        cco.household_id(province, h): outcomes[team.number % 3]
        for team in province.teams
        for h in team.households
        if team.fates.get(h.national_id) == "manage_funding" and team.district in districts
    }
    wait_for(
        lambda: sum(len(loans.requests_of(g)) for g in asked) >= len(outcome_of),
        "the funding-access requests to reach the savings groups",
    )
    answered = sum(loans.answer_requests(g, outcome_of) for g in asked)
    progress.step(
        f"Savings: funding-access requests of {len(outcome_of)} households ({answered} new answers)"
    )


def settle_escalations(people: People, province: cco.Province, progress: Progress) -> None:
    escalations.run_arrears_job(people.admin)
    by_fate: dict[str, dict[str, set[str]]] = {}
    for team in province.teams:
        for h in team.households:
            fate = team.fates.get(h.national_id, "")
            if fate.startswith("care_overdue_"):
                kind = fate.removeprefix("care_overdue_")
                by_fate.setdefault(team.district, {"acknowledged": set(), "resolved": set()})
                by_fate[team.district][kind].add(cco.household_id(province, h))
    changed = sum(
        escalations.settle(province.experts[d], f["acknowledged"], f["resolved"])
        for d, f in sorted(by_fate.items())
    )
    progress.step(f"Escalations: loans' arrears announced; {changed} acknowledged or resolved")


def run(url: str, admin_password: str, say: Say = print) -> float:
    """Load the demo into the system at `url`; the seconds it took."""
    progress = Progress(say)
    people = People(Api(url, "admin", admin_password))
    province = load_chachoengsao(people, progress)
    load_pattani(people, progress)
    groups = load_savings(people, province, progress)
    push_cases(province, progress)
    answer_funding(province, groups, progress)
    settle_escalations(people, province, progress)
    progress.step("loaded")
    return progress.elapsed


def shown_accounts(admin_password: str) -> list[Account]:
    """The accounts printed for whoever tries the demo: one per role, of the first Chachoengsao
    team's district, tambon and village, the first Pattani village and a savings group's village."""
    teams, villages = chachoengsao_teams(), pattani_villages()
    first = teams[0]
    shown = {"district": first.district, "tambon": first.tambon, "village": first.villages[0]}
    group = next(iter(places(teams, villages).values()))[0]
    return demo_accounts(admin_password, shown, villages[0].code, group)
