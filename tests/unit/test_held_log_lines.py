"""Log lines held back by one green thread until its work is kept (infra.logs.log_lines_held)."""

import json

import eventlet

from infra.logs import configure_logging, get_logger, log_lines_held

log = get_logger("held")


def events(capsys) -> list[str]:
    return [json.loads(line)["event"] for line in capsys.readouterr().out.splitlines()]


def test_held_lines_are_written_in_order_once_kept(capsys):
    configure_logging("held")
    with log_lines_held() as held:
        log.info("first")
        log.info("second")
        assert events(capsys) == []
        held.keep()
    assert events(capsys) == ["first", "second"]


def test_lines_of_work_not_kept_are_dropped(capsys):
    configure_logging("held")
    try:
        with log_lines_held():
            log.info("undone")
            raise RuntimeError("the transaction failed")
    except RuntimeError:
        pass
    log.info("after")
    assert events(capsys) == ["after"]


def test_another_green_threads_lines_are_not_held(capsys):
    configure_logging("held")
    with log_lines_held():
        eventlet.spawn(log.info, "elsewhere").wait()
        assert events(capsys) == ["elsewhere"]
