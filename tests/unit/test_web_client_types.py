"""The web app's typed client is generated from the code's OpenAPI document: the committed copy of
the document and the types generated from it must match what the code describes now."""

import re
from pathlib import Path

from gateway.openapi_file import WEB_DOCUMENT, digest, document_text

TYPES = Path(__file__).resolve().parents[2] / "web" / "src" / "api" / "schema.d.ts"
REGENERATE = (
    "regenerate: .venv/bin/python -m gateway.openapi_file && (cd web && npm run generate:api)"
)


def test_the_committed_document_is_the_codes_document():
    assert WEB_DOCUMENT.read_text(encoding="utf-8") == document_text(), REGENERATE


def test_the_committed_types_were_generated_from_the_codes_document():
    stamp = re.match(r"// openapi\.json sha256: ([0-9a-f]{64})\n", TYPES.read_text("utf-8"))
    assert stamp is not None, "the generated types carry no stamp; " + REGENERATE
    assert stamp.group(1) == digest(document_text()), REGENERATE
