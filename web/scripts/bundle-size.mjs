// Prints the gzipped size of the JS and CSS that index.html loads first (the first screen).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const LIMIT_KB = 150;
const index = readFileSync("dist/index.html", "utf8");
const files = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(`dist/${file}`)).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} kB gzipped`);
}
const verdict = total / 1024 <= LIMIT_KB ? "within" : "OVER";
console.log(`initial JS+CSS: ${(total / 1024).toFixed(1)} kB gzipped (${verdict} ${LIMIT_KB} kB)`);
