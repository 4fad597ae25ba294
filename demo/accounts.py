"""The demo's people: registered once through the API (a username already taken is the person
registered by an earlier load), and the accounts shown to whoever tries the demo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from demo.http import Api, expect

PASSWORD = "smile demo 2569"  # every demo person who signs in (2569 BE = 2026 CE)
ACCOUNTS_FILE = "demo-accounts.txt"


@dataclass(frozen=True)
class Account:
    role: str
    username: str
    password: str
    note: str


class People:
    """Registers people once: usernames already in the system are taken as they are."""

    def __init__(self, admin: Api) -> None:
        self.admin = admin
        self.ids = {p["username"]: p["id"] for p in admin.items("/people")}
        self.created = 0

    def ensure(
        self,
        username: str,
        name: str,
        role: str,
        areas: list[str],
        *,
        signs_in: bool = True,
        **extra: Any,
    ) -> str:
        if username in self.ids:
            return self.ids[username]
        body = {
            "username": username,
            "display_name": name,
            "roles": [role],
            "areas": areas,
            "password": PASSWORD if signs_in else None,
            **extra,
        }
        found = expect(self.admin.call("POST", "/people", body), 201, f"register {username}")
        self.ids[username] = found.json()["id"]
        self.created += 1
        return self.ids[username]

    def login(self, username: str) -> Api:
        return Api(self.admin.url, username, PASSWORD)


def write_accounts(folder: Path, url: str, accounts: list[Account]) -> Path:
    path = folder / ACCOUNTS_FILE
    path.write_text(accounts_text(url, accounts), encoding="utf-8")
    return path


def accounts_text(url: str, accounts: list[Account]) -> str:
    width = max(len(a.username) for a in accounts)
    lines = [
        f"Demo accounts: open {url}/ in a browser and sign in (or POST {url}/api/v1/auth/token)",
        "",
    ]
    lines += [f"  {a.username:<{width}}  {a.password:<24}  {a.role}: {a.note}" for a in accounts]
    lines += ["", f"Every other demo person signs in with the password '{PASSWORD}' too.", ""]
    return "\n".join(lines)


def demo_accounts(
    admin_password: str, cco: dict[str, str], pti_village: str, group: str
) -> list[Account]:
    """One account per role: `cco` names the Chachoengsao team whose people are shown (its
    district, tambon and village), `pti_village` the Pattani trainer's, `group` a savings group's
    village."""
    d, t, v = cco["district"], cco["tambon"], cco["village"]
    rows = [
        ("administrator", "admin", "areas, people, thresholds; everything", admin_password),
        ("provincial_supervisor", "cco.province", "Chachoengsao (24): cases, escalations", None),
        ("provincial_supervisor", "pti.province", "Pattani (94): Sammachip programme", None),
        ("district_supervisor", f"cco.sup.{d}", f"district {d}: teams, escalations", None),
        ("district_expert", f"cco.exp.{d}", f"district {d}: approves plans, hard cases", None),
        ("subdistrict_coordinator", f"cco.coord.{t}", f"tambon {t}: plans, visits", None),
        ("volunteer_leader", f"cco.lead.{v}", f"Smile Team of tambon {t}: visits", None),
        ("savings_group_officer", f"sav.treasurer.{group}", f"treasurer in village {group}", None),
        ("savings_group_officer", f"sav.chair.{group}", f"chair in village {group}", None),
        ("trainer", f"pti.sage.{pti_village}.0", f"lead sage of village {pti_village}", None),
    ]  # fmt: skip
    return [Account(role, user, password or PASSWORD, note) for role, user, note, password in rows]
