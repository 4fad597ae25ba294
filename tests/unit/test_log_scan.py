from stdnum.th import pin

from tests.support.log_scan import leaks_in

VALID = "1101700230708"


def test_a_national_id_in_a_log_line_is_found_masked():
    assert pin.is_valid(VALID)
    line = '{"event": "households.registered", "member": "' + VALID + '"}'
    assert leaks_in(line) == ["national ID 1101…"]


def test_a_run_of_digits_inside_a_token_or_without_the_check_digit_is_not_an_id():
    request_id = "ab" + VALID + "cd9f"  # hex: not a number standing on its own
    wrong_check = VALID[:12] + str((int(VALID[12]) + 1) % 10)
    assert leaks_in(f"{request_id} {wrong_check} 17331744000001") == []


def test_a_known_secret_is_found_without_repeating_it():
    assert leaks_in("login password=hunter2 hunter2", ["hunter2", "absent"]) == [
        "a secret of 7 characters"
    ]
