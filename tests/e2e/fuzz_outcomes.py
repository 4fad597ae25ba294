"""What the fuzzer's valid cases met, per operation and phase, from schemathesis' ndjson report:
where to look when the run fails with "Schema validation mismatch" (an operation whose valid
cases were all refused in a phase, 10 % or more of them with a status other than 401, 403,
404, 409 or 429).

    SMILE_FUZZ_REPORT=har,ndjson .venv/bin/python -m pytest tests/e2e/test_api_schema.py \\
        --basetemp=/tmp/fuzz
    .venv/bin/python -m tests.e2e.fuzz_outcomes /tmp/fuzz/test_no*0/schemathesis-report/*.ndjson
"""

from __future__ import annotations

import base64
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

EXPECTED = {401, 403, 404, 409, 429}  # refusals schemathesis does not hold against the document


def outcomes(report: Path) -> dict[tuple[str, str], Counter]:
    """(operation, phase) -> Counter of (status, problem detail) over the valid cases."""
    found: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for line in report.read_text().splitlines():
        scenario = json.loads(line).get("ScenarioFinished")
        if not scenario:
            continue
        recorder = scenario["recorder"]
        for case_id, case in recorder["cases"].items():
            answer = (recorder["interactions"].get(case_id) or {}).get("response")
            if case["value"]["meta"]["generation"]["mode"] == "positive" and answer:
                status = answer["status_code"]
                key = (recorder["label"], scenario["phase"])
                found[key][(status, _detail(answer) if status not in EXPECTED else "")] += 1
    return found


def _detail(answer: dict) -> str:
    try:
        return json.loads(base64.b64decode(answer["content"]["$base64"])).get("detail", "")[:120]
    except (KeyError, ValueError, AttributeError):
        return ""


def main(path: str) -> None:
    for (operation, phase), seen in sorted(outcomes(Path(path)).items()):
        refused = sum(n for (status, detail), n in seen.items() if status >= 400 and detail)
        if refused:
            print(f"{operation} [{phase}]")
            for (status, detail), count in seen.most_common(6):
                print(f"  {count:4} {status} {detail}")


if __name__ == "__main__":
    main(sys.argv[1])
