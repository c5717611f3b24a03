// Validates SARIF logs against the OASIS SARIF 2.1.0 JSON schema (errata 01,
// the draft-04 schema published with the standard).
//
// Usage: node validate.mjs FILE...
// Prints "ok FILE" for each valid log; for an invalid one, prints every
// schema violation with its JSON pointer and exits with status 1. Exits with
// status 2 if the validator's packages are not installed.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

let Ajv, addFormats;
try {
  Ajv = require("ajv-draft-04");
  addFormats = require("ajv-formats");
} catch (e) {
  console.error(`validate.mjs: the validator's packages are missing (${e.message.split("\n")[0]}); run: npm ci --prefix ${here}`);
  process.exit(2);
}
Ajv = Ajv.default ?? Ajv;
addFormats = addFormats.default ?? addFormats;

const schema = JSON.parse(readFileSync(join(here, "sarif-schema-2.1.0.json"), "utf8"));
// strict: false because the published schema trips Ajv's schema-authoring
// checks (a "required" naming a property declared only in a sibling
// branch); validation itself follows the JSON Schema specification.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = false;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(readFileSync(file, "utf8"));
  if (validate(log)) {
    console.log(`ok ${file}`);
    continue;
  }
  failed = true;
  for (const err of validate.errors) {
    console.log(`${file}: ${err.instancePath || "/"}: ${err.message} ${JSON.stringify(err.params)}`);
  }
}
process.exit(failed ? 1 : 0);
