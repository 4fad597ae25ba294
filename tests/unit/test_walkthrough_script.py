"""How the README's walkthrough becomes one bash script (tests/e2e/walkthrough.py)."""

from __future__ import annotations

from tests.e2e.walkthrough import script, walkthrough_lines

README = """# Title
## Signing in
```sh walkthrough
API=http://127.0.0.1:8000/api/v1
```
## Performance
```sh
make bench-setup   # → 200
```
### Teams workflows
```sh walkthrough
# → 200 in a comment line
curl -s $API/teams   # → 200 the teams
curl -s $API/teams \\
  -d '{}'            # → 422
```
"""


def test_only_tagged_blocks_are_taken_with_their_section_and_readme_line() -> None:
    lines = walkthrough_lines(README)
    assert [(line.section, line.number) for line in lines] == [
        ("Signing in", 4),
        ("Teams workflows", 12),
        ("Teams workflows", 13),
        ("Teams workflows", 14),
        ("Teams workflows", 15),
    ]
    assert all("make bench-setup" not in line.text for line in lines)


def test_a_tagged_command_is_followed_by_its_check_and_the_address_is_substituted() -> None:
    text = script(walkthrough_lines(README), {"http://127.0.0.1:8000": "http://127.0.0.1:5555"})
    body = text.splitlines()[-5:]
    assert body == [
        "API=http://127.0.0.1:5555/api/v1",
        "# → 200 in a comment line",
        "curl -s $API/teams    ; __check 200 13",
        "curl -s $API/teams \\",
        "  -d '{}'             ; __check 422 15",
    ]
    assert text.startswith("set -Eeuo pipefail\n")
