// run.mjs runs bench.py under CPython 3.14 (pyodide) with the repository
// mounted at /repo. Usage: node run.mjs ROOT FILELIST ROUNDS
import { loadPyodide } from "../../tools/oracle/node_modules/pyodide/pyodide.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [root, list, rounds] = process.argv.slice(2);
const py = await loadPyodide();
py.setStdout({ batched: (s) => console.log(s) });
py.setStderr({ batched: (s) => console.error(s) });
py.FS.mkdirTree("/repo");
py.FS.mount(py.FS.filesystems.NODEFS, { root }, "/repo");
py.FS.mkdirTree("/list");
py.FS.mount(py.FS.filesystems.NODEFS, { root: path.dirname(list) }, "/list");
py.globals.set("FILELIST", "/list/" + path.basename(list));
py.globals.set("ROUNDS", Number(rounds));
py.globals.set("CPUS", os.cpus().length);
py.runPython(fs.readFileSync(new URL("bench.py", import.meta.url), "utf8"));
