"""The README's walkthrough as one bash script: its blocks in order, each tagged command checked.

A walkthrough block is fenced as ```` ```sh walkthrough ````. A command whose line ends with
`# → 201` must answer that status: the last HTTP status its `curl` calls got (earlier calls in the
same command, such as reading an ETag, must have succeeded). The blocks share one bash process
(`set -Eeuo pipefail`), so a failing command stops the run; either way the failure names the
block (its section) and the README line of the command.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
FENCE = "```"
TAG = "walkthrough"
EXPECTED = re.compile(r"#\s*→\s*(\d{3})(?!\d).*$")
SECTION = re.compile(r"^#{2,3} (.+)$")
FAILURE = re.compile(r"^__(MISMATCH|FAILED) (\d+) ?(.*)$", re.M)

PRELUDE = r"""set -Eeuo pipefail
__statuses=$1  # the HTTP statuses of curl calls since the last check
curl() { command curl -w '%{stderr}%{http_code}\n' "$@" 2>>"$__statuses"; }
__taken() { grep -Eo '^[0-9]{3}$' "$__statuses" || true; : >"$__statuses"; }
__check() {
  local got; got=$(__taken | tr '\n' ' ')
  local last=${got% }; last=${last##* }
  local earlier=${got% }; earlier=${earlier%"$last"}
  if [[ "$last" != "$1" ]] || grep -Eq '[4-9][0-9][0-9]|000' <<<"$earlier"; then
    echo "__MISMATCH $2 expected $1, got: ${got:-no HTTP answer}" >&2; exit 97
  fi
}
trap 'echo $LINENO >"$__statuses.line"' DEBUG
trap 'echo "__FAILED $LINENO exit $? (HTTP statuses so far: $(__taken | tr "\n" " "))" >&2' ERR
"""


@dataclass(frozen=True)
class Line:
    section: str
    number: int  # in README.md, from 1
    text: str


@dataclass(frozen=True)
class Failure:
    section: str
    readme_line: int
    command: str
    detail: str

    def __str__(self) -> str:
        return f"README.md:{self.readme_line} ({self.section}): {self.command}\n  {self.detail}"


def walkthrough_lines(readme: str) -> list[Line]:
    """Every line of the tagged blocks, in order, with its section and README line number."""
    lines: list[Line] = []
    section, inside = "", False
    for number, text in enumerate(readme.splitlines(), start=1):
        if text.startswith(FENCE):
            inside = not inside and text[3:].split() == ["sh", TAG]
            continue
        if inside:
            lines.append(Line(section, number, text))
        elif heading := SECTION.match(text):
            section = heading.group(1)
    return lines


def script(lines: list[Line], substitutions: dict[str, str]) -> str:
    """The bash script: the prelude, then each line (a tagged one followed by its check)."""
    body = []
    for line in lines:
        text = line.text
        for old, new in substitutions.items():
            text = text.replace(old, new)
        expected = EXPECTED.search(text)
        if expected and not text.lstrip().startswith("#"):
            text = f"{text[: expected.start()]} ; __check {expected.group(1)} {line.number}"
        body.append(text)
    return PRELUDE + "\n".join(body) + "\n"


def run(
    lines: list[Line], substitutions: dict[str, str], cwd: Path, timeout: float = 300
) -> Failure | None:
    """Run the walkthrough in `cwd`; None when every command answered as its tag says."""
    status_file = cwd / ".walkthrough-statuses"
    command = ["bash", "-c", script(lines, substitutions), "walkthrough", str(status_file)]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        where = Path(f"{status_file}.line").read_text().strip() or "0"
        return _failure(lines, "FAILED", where, f"still running after {timeout:.0f} s", "")
    if failure := FAILURE.search(done.stderr):
        output = f"\n  stdout (end): {done.stdout[-1500:]}\n  stderr (end): {done.stderr[-1500:]}"
        return _failure(lines, *failure.groups(), output)
    if done.returncode:
        return Failure("?", 0, "?", f"bash exited {done.returncode}: {done.stderr[-2000:]}")
    return None


def _failure(lines: list[Line], kind: str, where: str, detail: str, output: str) -> Failure:
    if kind == "MISMATCH":
        line = next(line for line in lines if line.number == int(where))
    else:  # a script line: the prelude's, then one per walkthrough line
        line = lines[max(0, min(int(where) - PRELUDE.count("\n"), len(lines)) - 1)]
    return Failure(line.section, line.number, line.text.strip(), detail + output)
