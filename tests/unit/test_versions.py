"""One check of an expected version for every service."""

import pytest

from infra.errors import PreconditionFailed
from infra.versions import require_version


def test_the_version_read_is_the_current_one():
    assert require_version(3, 3, "loan") is None


def test_no_expected_version_asks_for_no_check():
    assert require_version(3, None, "loan") is None


@pytest.mark.parametrize("expected", [1, 2, 4, 0])
def test_another_version_is_refused_with_the_current_one(expected):
    with pytest.raises(PreconditionFailed) as refused:
        require_version(3, expected, "loan")
    assert refused.value.status == 412
    assert refused.value.extra == {"current_version": 3}
    assert refused.value.detail == "the loan was changed since you read it"
