// ruff.mjs times Ruff's WebAssembly build checking files with its default
// rules, in process (start-up and reading the files excluded).
// Usage: node bench/ruff.mjs FILE... ; prints "seconds bytes findings".
import fs from "node:fs";
import { Workspace, PositionEncoding } from "@astral-sh/ruff-wasm-nodejs";

const files = process.argv.slice(2).map((p) => fs.readFileSync(p, "utf8"));
const ws = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf8);
let bytes = 0;
for (const f of files) bytes += Buffer.byteLength(f);
let best = Infinity;
let findings = 0;
for (let round = 0; round < 3; round++) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (const f of files) n += ws.check(f).length;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (s < best) best = s;
  findings = n;
}
console.log(`${best.toFixed(4)} ${bytes} ${findings}`);
