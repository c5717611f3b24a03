package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchSource returns a Python module of n lines: classes, functions,
// imports and comprehensions, with a removed ast class every 25 lines.
func benchSource(n int) string {
	const block = `class Visitor%[1]d(ast.NodeVisitor):
    """Counts the constants of block %[1]d."""

    def __init__(self, limit: int = %[1]d) -> None:
        self.limit = limit
        self.seen: dict[str, int] = {}

    def visit_Constant(self, node):
        key = type(node.value).__name__
        self.seen[key] = self.seen.get(key, 0) + 1
        return self.generic_visit(node)


def build_%[1]d(values, *, scale=2.5):
    total = sum(v * scale for v in values if v is not None)
    names = [f"item-{i}" for i in range(len(values))]
    node = ast.Num(n=total)
    with open(f"out-%[1]d.txt", "w") as f:
        f.write(",".join(names))
    try:
        return node, {name: i for i, name in enumerate(names)}
    except (ValueError, KeyError) as e:
        raise RuntimeError("block %[1]d") from e


`
	var b strings.Builder
	b.WriteString("import ast\n")
	lines := 1
	for i := 0; lines < n; i++ {
		s := fmt.Sprintf(block, i)
		b.WriteString(s)
		lines += strings.Count(s, "\n")
	}
	return b.String()
}

// openBig starts a session, opens a 5,000-line file and waits for its
// diagnostics. It returns the client and the number of diagnostics.
func openBig(b *testing.B) (*client, int) {
	src := benchSource(5000)
	if n := strings.Count(src, "\n"); n < 5000 || n > 5030 {
		b.Fatalf("the source has %d lines", n)
	}
	c := startClient(b, Options{Log: io.Discard})
	c.send(b, "initialize", json.RawMessage(`{"id": 1, "method": "initialize", "params": {"processId": null, "capabilities": {}}}`))
	if _, err := c.next("response 1", 10*time.Second); err != nil {
		b.Fatal(err)
	}
	open, _ := json.Marshal(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///w/big.py", "languageId": "python", "version": 1, "text": src}}})
	c.send(b, "didOpen", open)
	m, err := c.next(bigPublished, 10*time.Second)
	if err != nil {
		b.Fatal(err)
	}
	n := len(m["params"].(map[string]any)["diagnostics"].([]any))
	if n < 150 {
		b.Fatalf("only %d diagnostics", n)
	}
	return c, n
}

const bigPublished = "textDocument/publishDiagnostics file:///w/big.py"

// typeDigit sends the didChange of version that types a digit in the
// docstring of the e-th class of the file from openBig.
func typeDigit(b *testing.B, c *client, version, e int) {
	line := 2 + 25*(e%200)
	change, _ := json.Marshal(map[string]any{"method": "textDocument/didChange", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///w/big.py", "version": version},
		"contentChanges": []any{map[string]any{
			"range": map[string]any{"start": map[string]any{"line": line, "character": 10}, "end": map[string]any{"line": line, "character": 10}},
			"text":  "1",
		}},
	}})
	c.send(b, "didChange", change)
}

// reportLatencies reports the median and the 95th percentile of times.
func reportLatencies(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "ms-p95")
}

// commandGC sets the garbage collector as the py314 command sets it for
// all its commands, the language server included (cmd/py314/main.go), for
// the rest of the benchmark: the server runs with it in editors.
func commandGC(b *testing.B) {
	if os.Getenv("GOGC") != "" {
		return
	}
	old := debug.SetGCPercent(400)
	b.Cleanup(func() { debug.SetGCPercent(old) })
}

// BenchmarkDidChangeToPublish measures the time from sending a didChange
// of one character in a 5,000-line file to receiving the
// publishDiagnostics of the new version, over the pipes of a real
// session: until the client has read the whole message, not counting the
// time the test's client then takes to decode it. It reports the median
// and the 95th percentile over the edits (100 per iteration).
func BenchmarkDidChangeToPublish(b *testing.B) {
	const edits = 100
	commandGC(b)
	c, want := openBig(b)
	defer c.stop()
	var times []time.Duration
	version := 1
	b.ResetTimer()
	for range b.N {
		for e := range edits {
			version++
			// Type a digit in a docstring, on a different
			// line each time.
			start := time.Now()
			typeDigit(b, c, version, e)
			m, at, err := c.nextArrived(bigPublished, 10*time.Second)
			if err != nil {
				b.Fatal(err)
			}
			times = append(times, at.Sub(start))
			p := m["params"].(map[string]any)
			if fmt.Sprint(p["version"]) != fmt.Sprint(version) || len(p["diagnostics"].([]any)) != want {
				b.Fatalf("published version %v with %d diagnostics, want version %d with %d", p["version"], len(p["diagnostics"].([]any)), version, want)
			}
		}
	}
	b.StopTimer()
	reportLatencies(b, times)
}

// BenchmarkTypingBurst measures the latency of the last edit of a burst
// typed faster than the file is checked: 10 digits typed 25 ms apart in
// the file of BenchmarkDidChangeToPublish, and the time from sending the
// last to reading the publishDiagnostics of its version. Publications of
// earlier versions of the burst may come first, in order. It reports the
// median and the 95th percentile over the bursts (20 per iteration).
func BenchmarkTypingBurst(b *testing.B) {
	const (
		bursts   = 20
		keys     = 10
		interval = 25 * time.Millisecond
	)
	commandGC(b)
	c, want := openBig(b)
	defer c.stop()
	var times []time.Duration
	version := 1
	b.ResetTimer()
	for range b.N {
		for e := range bursts {
			var start time.Time
			for k := range keys {
				if k > 0 {
					time.Sleep(interval)
				}
				version++
				start = time.Now()
				typeDigit(b, c, version, e*keys+k)
			}
			last := 0
			for last != version {
				m, at, err := c.nextArrived(bigPublished, 10*time.Second)
				if err != nil {
					b.Fatal(err)
				}
				p := m["params"].(map[string]any)
				v, _ := strconv.Atoi(fmt.Sprint(p["version"]))
				if v <= last || v > version || len(p["diagnostics"].([]any)) != want {
					b.Fatalf("published version %v with %d diagnostics after version %d, want a version up to %d with %d", p["version"], len(p["diagnostics"].([]any)), last, version, want)
				}
				last = v
				if v == version {
					times = append(times, at.Sub(start))
				}
			}
		}
	}
	b.StopTimer()
	reportLatencies(b, times)
}
