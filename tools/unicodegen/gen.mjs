// gen.mjs runs tables.py in CPython 3.14 (pyodide, installed by npm ci in
// tools/oracle) and writes the JSON it returns to standard output. The Go
// program in this directory turns that JSON into the generated tables.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pyodide = path.join(here, "..", "oracle", "node_modules", "pyodide", "pyodide.mjs");
if (!fs.existsSync(pyodide)) {
  console.error(`${pyodide} is missing: run "npm ci" in tools/oracle`);
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(pyodide).href);
const py = await loadPyodide();
const json = py.runPython(fs.readFileSync(path.join(here, "tables.py"), "utf8"));
process.stdout.write(json);
