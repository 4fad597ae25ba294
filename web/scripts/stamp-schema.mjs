// Marks the generated types with the sha256 of the document they came from, so a Python test
// (tests/unit/test_web_client_types.py) can tell when the committed types are out of date.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const documentText = readFileSync("openapi.json", "utf8");
const digest = createHash("sha256").update(documentText).digest("hex");
const target = "src/api/schema.d.ts";
const body = readFileSync(target, "utf8").replace(/^\/\/ openapi\.json sha256: .*\n/, "");
writeFileSync(target, `// openapi.json sha256: ${digest}\n${body}`);
console.log(`${target}: from openapi.json sha256 ${digest}`);
