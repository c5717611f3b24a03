package output

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

// Fingerprint returns the stable identity of one finding, used as SARIF's
// partialFingerprints["py314/v1"] and GitLab's fingerprint, and meant for
// baselines: 32 lowercase hex digits (128 bits of SHA-256) over path, code,
// the flagged text with every run of whitespace collapsed to one space and
// the ends trimmed, and occurrence.
//
// path is the file's path relative to the project root with forward
// slashes; flaggedText is what FlaggedText returns; occurrence counts, from
// 0 in source order, the earlier findings of the same file with the same
// code and the same collapsed text. Line numbers are not part of it, so a
// fingerprint survives edits elsewhere in the file, and reformatting inside
// the flagged text.
func Fingerprint(path, code, flaggedText string, occurrence int) string {
	h := sha256.New()
	for _, s := range []string{path, code, collapseSpace(flaggedText), strconv.Itoa(occurrence)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// FlaggedText returns the text a fingerprint covers for a diagnostic at
// span: the span's source text, or for an empty span the whole line it is
// on (without the line break), so that insertion points are told apart.
func FlaggedText(f *token.File, span token.Span) string {
	start, end := clamp(f, span.Start), clamp(f, span.End)
	if end > start {
		return string(f.Src[start:end])
	}
	line, _ := f.LineCol(start)
	ls, le := lineBounds(f, line)
	return string(f.Src[ls:le])
}

// Fingerprints returns the fingerprint of each of diags, in their order.
// path is the file's path relative to the project root with forward
// slashes, f the file the diagnostics' spans point into. Occurrences are
// counted in source order (by start, then code, then end, then message),
// whatever the order of diags. It returns nil if a diagnostic has no rule.
func Fingerprints(path string, f *token.File, diags []checks.Diagnostic) []string {
	for i := range diags {
		if diags[i].Rule == nil {
			return nil
		}
	}
	return fingerprints(path, f, diags)
}

// fingerprints is Fingerprints for diagnostics known to have rules.
func fingerprints(path string, f *token.File, diags []checks.Diagnostic) []string {
	order := make([]int, len(diags))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &diags[order[i]], &diags[order[j]]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Rule.Code != b.Rule.Code {
			return a.Rule.Code < b.Rule.Code
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Message < b.Message
	})
	type key struct{ code, text string }
	seen := map[key]int{}
	out := make([]string, len(diags))
	for _, i := range order {
		d := &diags[i]
		text := FlaggedText(f, d.Span)
		k := key{d.Rule.Code, collapseSpace(text)}
		out[i] = Fingerprint(path, d.Rule.Code, text, seen[k])
		seen[k]++
	}
	return out
}

// collapseSpace replaces every run of white space in s with one space and
// trims both ends.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// lineBounds returns the offsets of the first byte of line and of its
// line break (or the end of the source).
func lineBounds(f *token.File, line int) (start, end token.Pos) {
	start = f.LineStart(line)
	end = start
	src := f.Src
	for int(end) < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	return start, end
}
