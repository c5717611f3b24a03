// oracle.mjs answers questions about Python source with CPython 3.14
// running in WebAssembly (pyodide), the reference py314 is tested against.
//
// Usage: node oracle.mjs < requests.json > results.jsonl
//
// Standard input is one JSON array. Each element is a request object
//
//   {"id": "any string", "op": "dump" | "compile" | "exec" | "stdlib",
//    "src": "<base64 of the source bytes>" | "path": "<file to read>",
//    "filename": "<name given to compile, default <file>>"}
//
// or a bare string, which stands for {"id": s, "op": "dump", "path": s}.
// Sources travel as bytes because decoding them (BOM, PEP 263 coding
// declarations) is part of what is being compared.
//
// Standard output has one JSON line per request, in request order:
//
//   dump     {"id", "op", "dump": ast.dump(ast.parse(src), include_attributes=True)}
//   compile  {"id", "op"} when compile(src, filename, "exec") succeeds
//   exec     {"id", "op", "stdout", "stderr", "warnings": ["Category: message"]}:
//            the source compiled and run as __main__ in a new empty directory,
//            with every warning recorded (compile-time ones included); an
//            exception it raises is the "error"
//   stdlib   {"id", "op", "files": [{"path", "src"}]}: every .py file of the
//            standard library zip pyodide runs from, sorted by path, src in base64
//
// When CPython rejects the source, "dump" is absent and "error" is
// {"type", "msg", "lineno", "offset", "end_lineno", "end_offset"}: the
// exception class name, its msg (str(e) for exceptions other than
// SyntaxError) and its positions (null when CPython gives none). A request
// the oracle itself cannot serve (unknown op, unreadable path) gets
// {"id", "op", "fail": "reason"}.
import { loadPyodide } from "pyodide";
import fs from "node:fs";

const requests = JSON.parse(fs.readFileSync(0, "utf8"));
if (!Array.isArray(requests)) {
  throw new Error("oracle: standard input must be a JSON array of requests");
}

const py = await loadPyodide();
py.runPython(`
import ast, base64, json, sys, zipfile

def _error(e):
    if isinstance(e, SyntaxError):
        return {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno,
                "offset": e.offset, "end_lineno": e.end_lineno,
                "end_offset": e.end_offset}
    return {"type": type(e).__name__, "msg": str(e), "lineno": None,
            "offset": None, "end_lineno": None, "end_offset": None}

def _stdlib():
    zpath = next(p for p in sys.path if p.endswith(".zip"))
    files = []
    with zipfile.ZipFile(zpath) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".py"):
                files.append({"path": name,
                              "src": base64.b64encode(z.read(name)).decode()})
    return files

def _run(src, filename, out):
    import contextlib, io, os, tempfile, warnings
    stdout, stderr = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(tempfile.mkdtemp())
    try:
        with warnings.catch_warnings(record=True) as caught, \
                contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            warnings.simplefilter("always")
            try:
                code = compile(src, filename, "exec", dont_inherit=True)
                exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
            finally:
                out["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    finally:
        os.chdir(cwd)
        out["stdout"] = stdout.getvalue()
        out["stderr"] = stderr.getvalue()

def oracle_answer(op, src, filename):
    out = {}
    try:
        if op == "exec":
            _run(bytes(src.to_py()), filename, out)
        elif op == "dump":
            tree = ast.parse(bytes(src.to_py()))
            out["dump"] = ast.dump(tree, include_attributes=True)
        elif op == "compile":
            compile(bytes(src.to_py()), filename, "exec", dont_inherit=True)
        elif op == "stdlib":
            out["files"] = _stdlib()
        else:
            out["fail"] = "unknown op " + repr(op)
    except BaseException as e:  # SystemExit from argparse too: report it, keep serving
        out["error"] = _error(e)
    return json.dumps(out, ensure_ascii=True)
`);
const answer = py.globals.get("oracle_answer");

for (let req of requests) {
  if (typeof req === "string") {
    req = { id: req, op: "dump", path: req };
  }
  const head = { id: req.id, op: req.op };
  let src = new Uint8Array(0);
  try {
    if (typeof req.src === "string") {
      src = new Uint8Array(Buffer.from(req.src, "base64"));
    } else if (typeof req.path === "string") {
      src = new Uint8Array(fs.readFileSync(req.path));
    } else if (req.op !== "stdlib") {
      throw new Error("request has neither src nor path");
    }
  } catch (e) {
    process.stdout.write(JSON.stringify({ ...head, fail: String(e.message) }) + "\n");
    continue;
  }
  const body = answer(req.op, src, req.filename ?? "<file>");
  // body is a JSON object; splice the id and op in front of its fields.
  const rest = body === "{}" ? "}" : "," + body.slice(1);
  process.stdout.write(JSON.stringify(head).slice(0, -1) + rest + "\n");
}
