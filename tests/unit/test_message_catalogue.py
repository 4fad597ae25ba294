"""The Thai catalogue covers every message a problem can carry: those the code writes (found by
reading the source, tests/unit/message_sources.py), marshmallow's own, werkzeug's (no route,
wrong method, too large) and every status's title; and each translation is Thai."""

import re

import pytest
from marshmallow import fields, validate
from werkzeug.exceptions import default_exceptions

from gateway.messages import THAI_CATALOGUE, THAI_PARTS
from tests.unit.message_sites import ROOT, python_files
from tests.unit.message_sources import HOLE, scan

THAI = re.compile("[\u0e00-\u0e7f]")
SAMPLE = "x1"  # what a hole (an id, a count) is filled with to look a message up
# Messages the scan cannot follow, each a pass-through of text found elsewhere.
PASS_THROUGH = {
    # titles and details of errors, and werkzeug's names and descriptions: checked here
    "gateway/problems.py: exc.title",
    "gateway/problems.py: detail",
    "gateway/problems.py: exc.name",
    "gateway/problems.py: description",
    # an error renamed to the header the client sent the field as
    "gateway/problems.py: e.message",
    # `Money(check=amount_problem)`: every `*_problem` function's answers are collected
    "infra/fields.py: problem",
    # marshmallow's messages, flattened: its own (below) and the code's ValidationError texts
    "infra/validation.py: str(messages)",
    "infra/validation.py: m",
    # a collection sheet re-raises its lines' errors under `lines.<n>.`
    "services/funding/domain/collection.py: error.message",
    "services/funding/domain/collection.py: error.detail",
}


@pytest.fixture(scope="module")
def found():
    return scan()


def untranslatable(messages):
    """The messages the catalogue does not know, or knows only with English words left in."""
    missing = []
    for message in sorted(messages):
        words: list[str] = []
        said = THAI_CATALOGUE.translate(message.replace(HOLE, SAMPLE), words)
        if said is None or words or not THAI.search(said):
            missing.append(message if said is None else f"{message} -> {said} {words}")
    return missing


def test_every_message_the_code_writes_has_thai(found):
    assert len(found.messages) > 250  # the scan reads the code, not an empty folder
    assert untranslatable(found.messages - {""}) == []


def test_every_message_the_scan_cannot_follow_is_a_known_pass_through(found):
    assert set(found.unresolved) == PASS_THROUGH


def test_marshmallow_messages_have_thai():
    assert untranslatable(marshmallow_messages()) == []


def test_werkzeug_answers_have_thai():
    answers = [e() for code, e in default_exceptions.items() if 400 <= code < 500]
    texts = {e.name for e in answers} | {e.description for e in answers}
    assert untranslatable(texts) == []


def test_every_translation_is_thai_and_keeps_its_values():
    for english, thai in {**THAI_CATALOGUE.exact}.items():
        assert THAI.search(thai), english
    for template in THAI_CATALOGUE.templates:
        names = set(template.pattern.groupindex)
        assert set(re.findall(r"\{([a-z_]+)\}", template.translation)) == names, template


def test_a_value_of_the_domain_is_put_in_thai():
    assert THAI_CATALOGUE.translate("a case in stage target cannot move to care") == (
        "กรณีที่อยู่ในขั้นชี้เป้าชีวิต จะย้ายไปขั้นดูแลชีวิตไม่ได้"
    )
    assert THAI_CATALOGUE.translate("the plan is in phase plan") == "แผนอยู่ในขั้นวางแผน"
    assert THAI_CATALOGUE.translate("must be the code of a subdistrict or village") == (
        "ต้องเป็นรหัสของตำบลหรือหมู่บ้าน"
    )


def test_a_field_prefixed_detail_keeps_the_field_and_translates_the_rest():
    assert THAI_CATALOGUE.translate("members.0.national_id: check digit does not match") == (
        "members.0.national_id: เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง"
    )
    assert THAI_CATALOGUE.translate("members.0.national_id: something new") is None


def test_every_domain_word_a_message_can_carry_has_thai():
    from infra import dates
    from infra.caller import Role
    from services.funding.domain.access import RequestStatus
    from services.funding.domain.loan import PAST, LoanStatus
    from services.funding.vocabulary import LineKind
    from services.households.domain.plan import PlanStatus
    from services.households.vocabulary import Stage, Status
    from services.teams.vocabulary import PHASES

    spans = [s.name for s in vars(dates).values() if isinstance(s, dates.Span)]
    words = [*Stage, *PlanStatus, *Status, *LoanStatus, *RequestStatus, *Role, *LineKind]
    words = [str(w) for w in words] + [*PAST.values(), *PHASES, *spans]
    assert [w for w in words if w not in THAI_CATALOGUE.terms] == []


def marshmallow_messages() -> set[str]:
    """marshmallow's messages for the field and validator classes the code uses."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in python_files())
    used = set(re.findall(r"fields\.([A-Z][A-Za-z]+)", source)) | {"Field", "String"}
    messages: set[str] = set()
    for name in used:
        cls = getattr(fields, name, None)
        for klass in getattr(cls, "__mro__", ()):
            for text in getattr(klass, "default_error_messages", {}).values():
                obj_type = getattr(cls, "OBJ_TYPE", "value")
                for awareness in ("aware", "naive"):
                    messages.add(_holed(text, obj_type=obj_type, awareness=awareness))
    messages |= {"Unknown field.", "Invalid input type."}  # the schema's own
    lengths = [getattr(validate.Length, m) for m in dir(validate.Length) if "message" in m]
    messages |= {_holed(text) for text in lengths}
    messages |= {_holed(validate.OneOf.default_message), _holed(validate.Regexp.default_message)}
    return messages | _range_messages()


def _range_messages() -> set[str]:
    low_ops = (validate.Range.message_gte, validate.Range.message_gt)
    high_ops = (validate.Range.message_lte, validate.Range.message_lt)
    templates = (validate.Range.message_min, validate.Range.message_max, validate.Range.message_all)
    return {
        _holed(t.format(min_op=low, max_op=high))
        for t in templates
        for low in low_ops
        for high in high_ops
    }


def _holed(text: str, **known: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: known.get(m.group(1), HOLE), text)


def test_the_scan_reads_every_service():
    read = {p.relative_to(ROOT).parts[:2] for p in python_files()}
    assert {("services", s) for s in ("households", "teams", "funding", "notifications")} <= read


def test_no_english_text_has_two_translations():
    seen: dict[str, str] = {}
    for part in THAI_PARTS:
        for english, thai in part.MESSAGES.items():
            assert seen.setdefault(english, thai) == thai, english
