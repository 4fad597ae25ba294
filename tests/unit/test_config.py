import pytest
from sqlalchemy.engine import make_url

from infra.config import database_url, expand, parse_config


def test_environment_wins_over_default():
    assert expand("${HOST:localhost}", {"HOST": "db.internal"}) == "db.internal"
    assert expand("${HOST:localhost}", {}) == "localhost"


def test_nested_placeholders_resolve_innermost_first():
    template = "${DATABASE_URL:sqlite:///${DATA_DIR:data}/{service}.sqlite}"
    assert expand(template, {}) == "sqlite:///data/{service}.sqlite"
    assert expand(template, {"DATA_DIR": "/srv"}) == "sqlite:////srv/{service}.sqlite"
    assert expand(template, {"DATABASE_URL": "postgresql://h/x"}) == "postgresql://h/x"


def test_values_from_the_environment_are_not_expanded_again():
    assert expand("${A:x}", {"A": "${B:boom}"}) == "${B:boom}"


def test_single_placeholders_are_typed_and_embedded_ones_stay_text():
    config = parse_config(
        "workers: ${W:10}\ndelays: ${D:[1, 2]}\nflag: ${F:true}\nurl: amqp://${H:h}:5672/\n"
    )
    assert config == {"workers": 10, "delays": [1, 2], "flag": True, "url": "amqp://h:5672/"}


def test_each_service_gets_its_own_database():
    config = {"DATABASE_URL": "sqlite:///data/{service}.sqlite"}
    assert database_url(config, "funding") == "sqlite:///data/funding.sqlite"


@pytest.mark.parametrize(
    "given",
    ["postgresql://u@h/smile_{service}", "postgres://u@h/smile_{service}"],
)
def test_a_plain_postgresql_url_runs_on_psycopg2(given):
    """SQLAlchemy 2.1 would pick psycopg 3, which is not installed nor cooperative."""
    url = database_url({"DATABASE_URL": given}, "funding")
    assert url == "postgresql+psycopg2://u@h/smile_funding"
    assert make_url(url).get_dialect().driver == "psycopg2"


def test_a_named_driver_is_kept():
    config = {"DATABASE_URL": "postgresql+psycopg2://u@h/smile_{service}"}
    assert database_url(config, "teams") == "postgresql+psycopg2://u@h/smile_teams"


def test_secrets_tagged_text_stay_text_whatever_they_look_like(monkeypatch):
    monkeypatch.setenv("SMTP_PASSWORD", "123456")
    monkeypatch.setenv("LINE_TOKEN", "yes")
    config = parse_config(
        "p: !text ${SMTP_PASSWORD:}\nt: !text ${LINE_TOKEN:}\ne: !text ${UNSET_X:}\n"
    )
    assert config == {"p": "123456", "t": "yes", "e": ""}
