package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want shard
		ok   bool
	}{
		{"1/1", shard{1, 1}, true},
		{"2/4", shard{2, 4}, true},
		{"4/4", shard{4, 4}, true},
		{"0/4", shard{}, false},
		{"5/4", shard{}, false},
		{"1/0", shard{}, false},
		{"-1/2", shard{}, false},
		{"1", shard{}, false},
		{"1/2/3", shard{}, false},
		{"a/b", shard{}, false},
		{"", shard{}, false},
	} {
		got, err := parseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseShard(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestShardPartition checks that the shards of N partition a file set,
// whatever N, and that a file's shard does not depend on how its path is
// spelled.
func TestShardPartition(t *testing.T) {
	cwd := filepath.FromSlash("/work/repo")
	var paths []string
	for i := 0; i < 200; i++ {
		paths = append(paths, fmt.Sprintf("pkg%d/mod%d.py", i%7, i))
	}
	for n := 1; n <= 6; n++ {
		count := map[string]int{}
		sizes := make([]int, n)
		for k := 1; k <= n; k++ {
			part := shard{k, n}.filter(cwd, paths)
			sizes[k-1] = len(part)
			for _, p := range part {
				count[p]++
			}
		}
		for _, p := range paths {
			if count[p] != 1 {
				t.Errorf("N=%d: %s is in %d shards, want 1", n, p, count[p])
			}
		}
		for k, size := range sizes {
			// A hash splits 200 files roughly evenly.
			if size < 200/n/2 {
				t.Errorf("N=%d: shard %d has %d of 200 files", n, k+1, size)
			}
		}
	}
	s := shard{2, 5}
	for _, p := range paths {
		abs := filepath.Join(cwd, filepath.FromSlash(p))
		dotted := "." + string(filepath.Separator) + filepath.FromSlash(p)
		if s.holds(cwd, p) != s.holds(cwd, abs) || s.holds(cwd, p) != s.holds(cwd, dotted) {
			t.Errorf("%s: relative, absolute and ./ paths land in different shards", p)
		}
	}
}

// TestShardMerge checks that the outputs of the shards of a run merge into
// the output of the whole run: json arrays concatenated, sarif runs put in
// one log (which must still be valid SARIF 2.1.0).
func TestShardMerge(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 12; i++ {
		src := "x = 1\n"
		if i%3 != 0 {
			src = fmt.Sprintf("import ast\n\nx = ast.Num(n=%d)\nif isinstance(x, ast.Str):\n    print(x.s)\n", i)
		}
		path := filepath.Join(dir, fmt.Sprintf("pkg%d", i%4), fmt.Sprintf("m%d.py", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	validator, err := filepath.Abs(filepath.Join("..", "..", "checks", "output", "testdata", "sarif", "validate.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	check := func(args ...string) []byte {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"check", "--no-cache"}, args...), strings.NewReader(""), &stdout, &stderr)
		if code != exitOK && code != exitFound {
			t.Fatalf("py314 check %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		return stdout.Bytes()
	}
	const n = 3

	// json: the shards' arrays concatenated hold the whole run's elements.
	var whole, merged []map[string]any
	if err := json.Unmarshal(check("--output-format", "json"), &whole); err != nil {
		t.Fatal(err)
	}
	nonEmpty := 0
	for k := 1; k <= n; k++ {
		var part []map[string]any
		if err := json.Unmarshal(check("--output-format", "json", "--shard", fmt.Sprintf("%d/%d", k, n)), &part); err != nil {
			t.Fatal(err)
		}
		if len(part) > 0 {
			nonEmpty++
		}
		merged = append(merged, part...)
	}
	if len(whole) != 24 {
		t.Fatalf("the whole run found %d diagnostics, want 24", len(whole))
	}
	if nonEmpty < 2 {
		t.Errorf("only %d of %d shards found anything; the split is not a split", nonEmpty, n)
	}
	key := func(d map[string]any) string {
		b, _ := json.Marshal(d)
		return string(b)
	}
	sortBy := func(ds []map[string]any) {
		sort.Slice(ds, func(i, j int) bool { return key(ds[i]) < key(ds[j]) })
	}
	sortBy(whole)
	sortBy(merged)
	if !reflect.DeepEqual(whole, merged) {
		t.Errorf("merged json shards differ from the whole run:\n%v\nwant\n%v", merged, whole)
	}

	// sarif: one log holding each shard's run has the whole run's results,
	// and is valid.
	var log struct {
		Schema  string            `json:"$schema"`
		Version string            `json:"version"`
		Runs    []json.RawMessage `json:"runs"`
	}
	type run struct {
		Results []struct {
			RuleID              string            `json:"ruleId"`
			Locations           json.RawMessage   `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	}
	var wholeLog struct {
		Runs []run `json:"runs"`
	}
	if err := json.Unmarshal(check("--output-format", "sarif"), &wholeLog); err != nil {
		t.Fatal(err)
	}
	var fromShards []string
	for k := 1; k <= n; k++ {
		out := check("--output-format", "sarif", "--shard", fmt.Sprintf("%d/%d", k, n))
		var part struct {
			Schema  string            `json:"$schema"`
			Version string            `json:"version"`
			Runs    []json.RawMessage `json:"runs"`
		}
		if err := json.Unmarshal(out, &part); err != nil {
			t.Fatal(err)
		}
		log.Schema, log.Version = part.Schema, part.Version
		log.Runs = append(log.Runs, part.Runs...)
		var r struct{ Runs []run }
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		for _, res := range r.Runs[0].Results {
			fromShards = append(fromShards, res.RuleID+" "+string(res.Locations)+" "+res.PartialFingerprints["py314/v1"])
		}
	}
	var fromWhole []string
	for _, res := range wholeLog.Runs[0].Results {
		fromWhole = append(fromWhole, res.RuleID+" "+string(res.Locations)+" "+res.PartialFingerprints["py314/v1"])
	}
	sort.Strings(fromShards)
	sort.Strings(fromWhole)
	if !reflect.DeepEqual(fromShards, fromWhole) {
		t.Errorf("sarif results of the shards:\n%s\nwant those of the whole run:\n%s", strings.Join(fromShards, "\n"), strings.Join(fromWhole, "\n"))
	}
	mergedLog, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "merged.sarif")
	if err := os.WriteFile(path, mergedLog, 0o644); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, validator, path)
}

// validateSARIF validates the SARIF log at path against the OASIS 2.1.0
// schema with validator, the script of checks/output/testdata/sarif
// (whose packages npm ci installs, as scripts/test.sh does).
func validateSARIF(t *testing.T, validator, path string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed; validating SARIF needs Node.js")
	}
	out, err := exec.Command(node, validator, path).CombinedOutput()
	if err != nil {
		t.Fatalf("the SARIF log is not valid (%v):\n%s", err, out)
	}
}
