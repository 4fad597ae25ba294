"""Each service reads its own configuration block once, through `infra.settings.SettingsOf`."""

from __future__ import annotations

import pytest

from infra.config import load_config
from infra.settings import SettingsOf
from services.funding import settings as funding
from services.funding.service import FundingService
from services.households import settings as households
from services.households.service import HouseholdsService
from services.notifications import settings as notifications
from services.notifications.service import NotificationsService
from services.teams import settings as teams
from services.teams.service import TeamsService


@pytest.mark.parametrize(
    ("service", "settings_class"),
    [
        (HouseholdsService, households.Settings),
        (TeamsService, teams.Settings),
        (FundingService, funding.Settings),
        (NotificationsService, notifications.Settings),
    ],
    ids=["households", "teams", "funding", "notifications"],
)
def test_each_service_declares_its_own_settings(service, settings_class):
    assert isinstance(service.settings, SettingsOf)
    assert service.settings.settings_class is settings_class
    assert not hasattr(service, "config")


@pytest.mark.parametrize("settings_class", [households.Settings, teams.Settings, funding.Settings])
def test_the_shipped_configuration_and_the_code_have_the_same_defaults(settings_class):
    assert settings_class.from_config(load_config()) == settings_class()
    assert settings_class.from_config({}) == settings_class()


def test_teams_reads_its_two_keys():
    block = {"admin_username": "root", "cohort_max_households": "12", "other": 1}
    assert teams.Settings.from_config({"TEAMS": block}) == teams.Settings("root", 12)


def test_funding_reads_its_four_keys_as_integers():
    block = {
        "max_backdate_days": "400",
        "max_sheet_lines": "20",
        "arrears_job_hour": "5",
        "arrears_batch_size": "10",
        "other": "x",
    }
    assert funding.Settings.from_config({"FUNDING": block}) == funding.Settings(400, 20, 5, 10)


@pytest.mark.parametrize(
    ("settings_class", "config"),
    [
        (teams.Settings, {"TEAMS": {"cohort_max_households": "about twenty"}}),
        (funding.Settings, {"FUNDING": {"max_backdate_days": "a month"}}),
        (households.Settings, {"HOUSEHOLDS": {"import_writers": 0}}),
    ],
)
def test_an_invalid_value_is_refused_when_the_settings_are_read(settings_class, config):
    with pytest.raises(ValueError):
        settings_class.from_config(config)
