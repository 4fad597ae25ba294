"""The tests' throw-away vhosts carry their creation time, so a later run sweeps away those a
killed run left behind, and never one that a run beside it is using."""

from tests.support.broker import STALE_AFTER_SECONDS, is_stale, throw_away_name

NOW = 1_790_000_000.0


def test_a_vhost_is_stale_only_once_older_than_any_run() -> None:
    made = throw_away_name(NOW)
    assert not is_stale(made, NOW)
    assert not is_stale(made, NOW + STALE_AFTER_SECONDS)
    assert is_stale(made, NOW + STALE_AFTER_SECONDS + 1)


def test_vhosts_that_are_not_the_tests_own_are_never_stale() -> None:
    for vhost in ["/", "smile", "smile-demo", "test-", "test-abc-12345678", f"test-{NOW:.0f}"]:
        assert not is_stale(vhost, NOW + 10 * STALE_AFTER_SECONDS)
