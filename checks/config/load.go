package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/bmatcuk/doublestar/v4"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
)

// The names of configuration files, in order of precedence within one
// directory.
const (
	HiddenConfigName = ".py314.toml"
	ConfigName       = "py314.toml"
	PyprojectName    = "pyproject.toml"
)

// The target versions a configuration may name, and the target when
// neither a configuration nor a requires-python names one.
var (
	minTarget     = parser.Version{Major: 3, Minor: 9}
	maxTarget     = parser.Version{Major: 3, Minor: 15}
	defaultTarget = parser.Version{Major: 3, Minor: 14}
)

// OutputFormats returns the values output-format accepts, the default
// first.
func OutputFormats() []string {
	return []string{"full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "pylint"}
}

// Error is a problem with a configuration file: its syntax, an unknown
// key, a value of the wrong type, or a bad value.
type Error struct {
	File string // the file, as the user would name it
	Line int    // the line of the key, from 1; 0 when unknown
	Msg  string // `[tool.py314] unknown key "selekt"`
}

// Error returns "File:Line: Msg", or "File: Msg" when the line is unknown.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// fileConfig is one configuration file, checked.
type fileConfig struct {
	path    string // absolute
	display string // as the user would name it
	dir     string // absolute; relative globs start here
	kind    string // HiddenConfigName, ConfigName or PyprojectName

	sel           Selection
	perFile       []perFileIgnore
	exclude       []pattern // nil: not set
	extendExclude []pattern
	target        *parser.Version
	fixable       []string // nil: not set, meaning ALL
	unfixable     []string
	unsafeFixes   *bool
	outputFormat  string
	failOn        checks.Severity
}

// pyproject is what a pyproject.toml holds for py314.
type pyproject struct {
	display      string      // the file, as the user would name it
	cfg          *fileConfig // nil without [tool.py314]
	requires     string      // [project] requires-python
	hasRequires  bool
	requiresLine int
}

// perFileIgnore is one entry of per-file-ignores.
type perFileIgnore struct {
	pattern   pattern
	selectors []string
}

// pattern is a glob of exclude, extend-exclude or per-file-ignores.
type pattern struct {
	glob     string // slash-separated, without "!" or a leading "./"
	negated  bool   // "!glob": matches what glob does not
	baseName bool   // no slash: also matched against the base name
	absolute bool   // matched against the absolute path
}

// newPattern checks and compiles the glob s.
func newPattern(s string, allowNegation bool) (pattern, error) {
	var p pattern
	g := s
	if allowNegation {
		g, p.negated = strings.CutPrefix(g, "!")
	}
	p.absolute = filepath.IsAbs(g)
	g = filepath.ToSlash(g)
	for strings.HasPrefix(g, "./") {
		g = g[2:]
	}
	if len(g) > 1 {
		g = strings.TrimSuffix(g, "/")
	}
	if g == "" || !doublestar.ValidatePattern(g) {
		return p, fmt.Errorf("invalid glob %q", s)
	}
	p.glob = g
	p.baseName = !strings.Contains(g, "/")
	return p, nil
}

// match reports whether the pattern matches the file at abs, whose path
// relative to the configuration's directory is rel (slash-separated).
func (p pattern) match(abs, rel string) bool {
	var ok bool
	if p.absolute {
		ok = doublestar.MatchUnvalidated(p.glob, filepath.ToSlash(abs))
	} else {
		ok = doublestar.MatchUnvalidated(p.glob, rel) ||
			p.baseName && doublestar.MatchUnvalidated(p.glob, path.Base(rel))
	}
	return ok != p.negated
}

// loadError builds an Error for the key at keyPath of the file at display.
func loadError(display, data string, keyPath []string, format string, args ...any) *Error {
	return &Error{File: display, Line: lineOf(data, keyPath), Msg: fmt.Sprintf(format, args...)}
}

// readConfig reads and checks a configuration file. For a pyproject.toml
// it returns its [tool.py314] (nil without one) and its requires-python.
func readConfig(abs, display string, all []*checks.Rule) (*pyproject, error) {
	data, err := os.ReadFile(abs)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: display, Msg: err.Error()}
	}
	return parseConfig(abs, display, string(data), all)
}

// parseConfig checks the configuration file abs, holding data.
func parseConfig(abs, display, data string, all []*checks.Rule) (*pyproject, error) {
	var doc map[string]any
	md, err := toml.Decode(data, &doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{File: display, Line: pe.Position.Line, Msg: "invalid TOML: " + pe.Message}
		}
		return nil, &Error{File: display, Msg: "invalid TOML: " + err.Error()}
	}
	kind := filepath.Base(abs)
	if kind != PyprojectName && kind != HiddenConfigName {
		kind = ConfigName
	}
	cfg := &fileConfig{path: abs, display: display, dir: filepath.Dir(abs), kind: kind}
	out := &pyproject{display: display}
	table := doc
	var prefix []string
	if kind == PyprojectName {
		if p, ok := doc["project"].(map[string]any); ok {
			if rp, ok := p["requires-python"]; ok {
				key := []string{"project", "requires-python"}
				s, ok := rp.(string)
				if !ok {
					return nil, loadError(display, data, key, "[project] requires-python: expected a string, found %s", typeName(rp))
				}
				out.requires, out.hasRequires, out.requiresLine = s, true, lineOf(data, key)
			}
		}
		tool, ok := doc["tool"].(map[string]any)
		if !ok {
			return out, nil
		}
		v, ok := tool["py314"]
		if !ok {
			return out, nil
		}
		prefix = []string{"tool", "py314"}
		if table, ok = v.(map[string]any); !ok {
			return nil, loadError(display, data, prefix, "[tool] py314: expected a table, found %s", typeName(v))
		}
	}
	p := &keyParser{cfg: cfg, data: data, prefix: prefix, all: all}
	for _, k := range md.Keys() {
		if len(k) != len(prefix)+1 || !slices.Equal(k[:len(prefix)], prefix) {
			continue
		}
		if err := p.key(k[len(k)-1], table[k[len(k)-1]], md); err != nil {
			return nil, err
		}
	}
	out.cfg = cfg
	return out, nil
}

// keyParser checks the keys of one configuration table.
type keyParser struct {
	cfg    *fileConfig
	data   string
	prefix []string // the table's key path
	all    []*checks.Rule
}

// errorf returns an error about the key at path below the table.
func (p *keyParser) errorf(keyPath []string, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if len(p.prefix) > 0 {
		msg = "[" + strings.Join(p.prefix, ".") + "] " + msg
	}
	full := append(slices.Clip(p.prefix), keyPath...)
	line := 0
	for n := len(full); n > 0 && line == 0; n-- {
		line = lineOf(p.data, full[:n])
	}
	return &Error{File: p.cfg.display, Line: line, Msg: msg}
}

// key checks one key of the table and stores its value.
func (p *keyParser) key(k string, v any, md toml.MetaData) error {
	at := []string{k}
	c := p.cfg
	var err error
	switch k {
	case "select":
		c.sel.Select, err = p.selectors(at, v)
		if c.sel.Select == nil && err == nil {
			c.sel.Select = []string{}
		}
	case "extend-select":
		c.sel.ExtendSelect, err = p.selectors(at, v)
	case "ignore":
		c.sel.Ignore, err = p.selectors(at, v)
	case "fixable":
		c.fixable, err = p.selectors(at, v)
		if c.fixable == nil && err == nil {
			c.fixable = []string{}
		}
	case "unfixable":
		c.unfixable, err = p.selectors(at, v)
	case "exclude":
		c.exclude, err = p.patterns(at, v)
		if c.exclude == nil && err == nil {
			c.exclude = []pattern{}
		}
	case "extend-exclude":
		c.extendExclude, err = p.patterns(at, v)
	case "per-file-ignores":
		return p.perFileIgnores(at, v, md)
	case "target-version":
		s, ok := v.(string)
		if !ok {
			return p.errorf(at, "%s: expected a string, found %s", k, typeName(v))
		}
		t, terr := parseTarget(s)
		if terr != nil {
			return p.errorf(at, "%s: %v", k, terr)
		}
		c.target = &t
	case "unsafe-fixes":
		b, ok := v.(bool)
		if !ok {
			return p.errorf(at, "%s: expected a boolean, found %s", k, typeName(v))
		}
		c.unsafeFixes = &b
	case "output-format":
		s, ok := v.(string)
		if !ok {
			return p.errorf(at, "%s: expected a string, found %s", k, typeName(v))
		}
		if ferr := checkOutputFormat(s); ferr != nil {
			return p.errorf(at, "%s: %v", k, ferr)
		}
		c.outputFormat = s
	case "fail-on":
		s, ok := v.(string)
		if !ok {
			return p.errorf(at, "%s: expected a string, found %s", k, typeName(v))
		}
		sev, serr := parseFailOn(s)
		if serr != nil {
			return p.errorf(at, "%s: %v", k, serr)
		}
		c.failOn = sev
	default:
		return p.errorf(at, "unknown key %q", k)
	}
	return err
}

// strings returns v as a list of strings.
func (p *keyParser) strings(at []string, v any) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, p.errorf(at, "%s: expected an array of strings, found %s", keyText(at), typeName(v))
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, p.errorf(at, "%s: expected an array of strings, found an array holding %s", keyText(at), typeName(e))
		}
		out = append(out, s)
	}
	return out, nil
}

// selectors returns v as a list of rule selectors.
func (p *keyParser) selectors(at []string, v any) ([]string, error) {
	list, err := p.strings(at, v)
	if err != nil {
		return nil, err
	}
	for _, s := range list {
		if _, err := Match(p.all, s); err != nil {
			return nil, p.errorf(at, "%s: %v", keyText(at), err)
		}
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// patterns returns v as a list of globs.
func (p *keyParser) patterns(at []string, v any) ([]pattern, error) {
	list, err := p.strings(at, v)
	if err != nil {
		return nil, err
	}
	var out []pattern
	for _, s := range list {
		pat, err := newPattern(s, false)
		if err != nil {
			return nil, p.errorf(at, "%s: %v", keyText(at), err)
		}
		out = append(out, pat)
	}
	return out, nil
}

// perFileIgnores stores the per-file-ignores table v, in file order.
func (p *keyParser) perFileIgnores(at []string, v any, md toml.MetaData) error {
	table, ok := v.(map[string]any)
	if !ok {
		return p.errorf(at, "%s: expected a table, found %s", keyText(at), typeName(v))
	}
	prefix := append(slices.Clip(p.prefix), at...)
	for _, k := range md.Keys() {
		if len(k) != len(prefix)+1 || !slices.Equal(k[:len(prefix)], prefix) {
			continue
		}
		glob := k[len(k)-1]
		sub := append(slices.Clip(at), glob)
		pat, err := newPattern(glob, true)
		if err != nil {
			return p.errorf(sub, "%s: %v", keyText(at), err)
		}
		sels, err := p.selectors(sub, table[glob])
		if err != nil {
			return err
		}
		p.cfg.perFile = append(p.cfg.perFile, perFileIgnore{pattern: pat, selectors: sels})
	}
	return nil
}

// keyText returns a key path as TOML would write it.
func keyText(keyPath []string) string {
	return toml.Key(keyPath).String()
}

// parseTarget parses a target-version: "py39" to "py315", or "3.9".
func parseTarget(s string) (parser.Version, error) {
	v, err := parser.ParseVersion(s)
	if err != nil {
		return v, err
	}
	if v.Less(minTarget) || maxTarget.Less(v) {
		return v, fmt.Errorf("unsupported Python version %q (supported: py%d%d to py%d%d)", s,
			minTarget.Major, minTarget.Minor, maxTarget.Major, maxTarget.Minor)
	}
	return v, nil
}

// checkOutputFormat checks an output-format.
func checkOutputFormat(s string) error {
	if slices.Contains(OutputFormats(), s) {
		return nil
	}
	return fmt.Errorf("unknown output format %q (expected one of %s)", s, strings.Join(OutputFormats(), ", "))
}

// parseFailOn parses a fail-on: "error", "warning" or "info".
func parseFailOn(s string) (checks.Severity, error) {
	if sev, ok := checks.ParseSeverity(s); ok {
		return sev, nil
	}
	return 0, fmt.Errorf("unknown severity %q (expected error, warning or info)", s)
}

// typeName names the TOML type of a decoded value.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return "string " + strconv.Quote(v)
	case int64:
		return "integer " + strconv.FormatInt(v, 10)
	case float64:
		return "float"
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case []any:
		return "array"
	case map[string]any, []map[string]any:
		return "table"
	}
	return "datetime"
}

// probe is a TOML value that always fails to decode; lineOf uses the
// position the TOML decoder gives that failure.
type probe struct{}

var errProbe = errors.New("probe")

// UnmarshalTOML implements toml.Unmarshaler.
func (probe) UnmarshalTOML(any) error { return errProbe }

// lineOf returns the line on which the key at keyPath is defined in the
// TOML document data, or 0 if that cannot be told. The decoder does not
// expose key positions, but positions the errors of values it decodes:
// lineOf decodes data into a type that holds only the key and fails on it.
func lineOf(data string, keyPath []string) int {
	t := reflect.TypeOf(probe{})
	for i := len(keyPath) - 1; i >= 0; i-- {
		k := keyPath[i]
		if k == "" || k == "-" || strings.Contains(k, ",") {
			return 0 // not expressible as a struct tag
		}
		t = reflect.StructOf([]reflect.StructField{{
			Name: "F",
			Type: t,
			Tag:  reflect.StructTag("toml:" + strconv.Quote(k)),
		}})
	}
	_, err := toml.Decode(data, reflect.New(t).Interface())
	var pe toml.ParseError
	if errors.As(err, &pe) && pe.Message == errProbe.Error() {
		return pe.Position.Line
	}
	return 0
}
