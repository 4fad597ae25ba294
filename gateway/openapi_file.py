"""The OpenAPI document written to a file, from the code alone (no running system): the web app's
typed client is generated from it (`python -m gateway.openapi_file web/openapi.json`)."""

from __future__ import annotations

import hashlib
import json
import sys
from importlib.metadata import version
from pathlib import Path

from gateway import openapi
from gateway.service import GatewayService

WEB_DOCUMENT = Path(__file__).resolve().parent.parent / "web" / "openapi.json"


def document_text() -> str:
    """The document as the web app keeps it: sorted keys, two-space indent, a final newline."""
    document = openapi.build(GatewayService, version("smile-cases"))
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def digest(text: str) -> str:
    """The fingerprint the generated types carry of the document they came from."""
    return hashlib.sha256(text.encode()).hexdigest()


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else WEB_DOCUMENT
    target.write_text(document_text(), encoding="utf-8")
    print(f"{target}: sha256 {digest(document_text())}")


if __name__ == "__main__":
    main(sys.argv[1:])
