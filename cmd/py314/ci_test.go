package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

// TestCheckSARIF runs py314 check --output-format sarif as a CI job would,
// validates the log against the SARIF 2.1.0 schema, and checks that the
// fingerprints survive an edit elsewhere in the file while the lines move.
func TestCheckSARIF(t *testing.T) {
	validator, err := filepath.Abs(filepath.Join("..", "..", "checks", "output", "testdata", "sarif", "validate.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("src/app/tree.py", "import ast\n\nx = ast.Num(n=1)\nz = 1  # noqa: PY101\n")
	t.Chdir(dir)
	sarif := func() (sarifLog, []byte) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"check", "--no-cache", "--output-format", "sarif", "src"}, strings.NewReader(""), &stdout, &stderr); code != exitFound {
			t.Fatalf("exit %d, want %d\n%s", code, exitFound, stderr.String())
		}
		if got, want := stderr.String(), "Found 2 findings: 2 PY; 1 error, 1 warning.\n"; got != want {
			t.Errorf("stderr %q, want %q", got, want)
		}
		var log sarifLog
		if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		return log, stdout.Bytes()
	}
	before, raw := sarif()
	path := filepath.Join(t.TempDir(), "py314.sarif")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, validator, path)

	if len(before.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(before.Runs))
	}
	r := before.Runs[0]
	if r.Tool.Driver.Name != "py314" || len(r.Invocations) != 1 || !r.Invocations[0].ExecutionSuccessful {
		t.Errorf("driver %q, invocations %+v", r.Tool.Driver.Name, r.Invocations)
	}
	var rules []string
	for _, rule := range r.Tool.Driver.Rules {
		rules = append(rules, rule.ID+" "+rule.Name+" "+rule.DefaultConfiguration.Level+" "+rule.HelpURI)
	}
	wantRules := []string{
		"PY002 unused-suppression warning https://py314.dev/rules/PY002",
		"PY101 removed-ast-constant-class error https://py314.dev/rules/PY101",
	}
	if !reflect.DeepEqual(rules, wantRules) {
		t.Errorf("rules %q, want %q", rules, wantRules)
	}
	type result struct {
		code, level, uri, base string
		line                   int
	}
	var results []result
	fps := map[string]string{}
	for _, res := range r.Results {
		loc := res.Locations[0].PhysicalLocation
		results = append(results, result{res.RuleID, res.Level, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, loc.Region.StartLine})
		fps[res.RuleID] = res.PartialFingerprints["py314/v1"]
	}
	wantResults := []result{
		{"PY101", "error", "src/app/tree.py", "%SRCROOT%", 3},
		{"PY002", "warning", "src/app/tree.py", "%SRCROOT%", 4},
	}
	if !reflect.DeepEqual(results, wantResults) {
		t.Errorf("results %+v, want %+v", results, wantResults)
	}

	// An unrelated edit above the findings moves them down two lines; the
	// fingerprints stay.
	write("src/app/tree.py", "\"\"\"Trees.\"\"\"\n\nimport ast\n\nx = ast.Num(n=1)\nz = 1  # noqa: PY101\n")
	after, _ := sarif()
	for _, res := range after.Runs[0].Results {
		if got := res.Locations[0].PhysicalLocation.Region.StartLine; got != map[string]int{"PY101": 5, "PY002": 6}[res.RuleID] {
			t.Errorf("%s at line %d after the edit", res.RuleID, got)
		}
		if got, want := res.PartialFingerprints["py314/v1"], fps[res.RuleID]; got != want || len(got) != 32 {
			t.Errorf("%s: fingerprint %q after the edit, was %q", res.RuleID, got, want)
		}
	}
}

// TestBaselineMatchesSARIF checks that the baseline and SARIF agree on a
// finding's fingerprint when the baseline sits at the project root, so
// that a finding a code-scanning alert names can be found in the baseline.
func TestBaselineMatchesSARIF(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pkg", "m.py"), []byte("import ast\nx = ast.Num\ny = ast.Num\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--no-cache", "--baseline", "b.json", "--update-baseline"}, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	data, err := os.ReadFile("b.json")
	if err != nil {
		t.Fatal(err)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	run([]string{"check", "--no-cache", "--output-format", "sarif"}, strings.NewReader(""), &stdout, &stderr)
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var fromSARIF, fromBaseline []string
	for _, res := range log.Runs[0].Results {
		fromSARIF = append(fromSARIF, res.PartialFingerprints["py314/v1"])
	}
	for _, e := range b.Findings {
		fromBaseline = append(fromBaseline, e.Fingerprint)
	}
	if len(fromSARIF) != 2 || fromSARIF[0] == fromSARIF[1] {
		t.Fatalf("SARIF fingerprints %q: want two different ones", fromSARIF)
	}
	// The baseline sorts by fingerprint between equal texts.
	if fromSARIF[0] > fromSARIF[1] {
		fromSARIF[0], fromSARIF[1] = fromSARIF[1], fromSARIF[0]
	}
	if !reflect.DeepEqual(fromSARIF, fromBaseline) {
		t.Errorf("baseline fingerprints %q, SARIF's %q", fromBaseline, fromSARIF)
	}
}
