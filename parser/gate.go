package parser

import (
	"strconv"

	"github.com/py314/py314/parser/token"
)

// The version-gated constructs. Python 3.8 is the oldest target, so only
// syntax that 3.8 rejects is recorded.
const (
	_ Feature = iota

	// ParenthesizedContextManagers: with-items in parentheses with "as"
	// targets, "with (open(a) as f, open(b) as g):". Accepted by 3.9's new
	// parser, documented from 3.10.
	ParenthesizedContextManagers

	// RelaxedDecorators: any expression as a decorator, not only a dotted
	// name with an optional call (PEP 614, 3.9).
	RelaxedDecorators

	// StarredForIterable: unparenthesized starred items in the iterable of
	// a for statement, "for x in *a, *b:" (3.9).
	StarredForIterable

	// MatchStatement: the match statement (PEP 634, 3.10).
	MatchStatement

	// UnparenthesizedWalrus: an assignment expression without parentheses
	// in a subscript or a set display, "a[x := 1]", "{y := 2}" (3.10).
	UnparenthesizedWalrus

	// ExceptStar: except* clauses (PEP 654, 3.11).
	ExceptStar

	// StarredSubscript: a starred item in a subscript, "a[*b]" (PEP 646,
	// 3.11).
	StarredSubscript

	// StarredAnnotation: a starred annotation of *args, "*args: *Ts"
	// (PEP 646, 3.11).
	StarredAnnotation

	// TypeParameters: type parameter lists on def and class (PEP 695,
	// 3.12).
	TypeParameters

	// TypeAliasStatement: the type statement (PEP 695, 3.12).
	TypeAliasStatement

	// FStringSyntax: f-string replacement fields that reuse the enclosing
	// quote, contain a backslash or a comment, or span lines in a
	// single-quoted f-string (PEP 701, 3.12).
	FStringSyntax

	// TypeParameterDefaults: defaults of type parameters (PEP 696, 3.13).
	TypeParameterDefaults

	// TemplateStrings: t-strings (PEP 750, 3.14).
	TemplateStrings

	// UnparenthesizedExceptTypes: several exception types without
	// parentheses, "except A, B:" (PEP 758, 3.14).
	UnparenthesizedExceptTypes

	numFeatures
)

var featureInfo = [numFeatures]struct {
	name string
	min  Version
}{
	ParenthesizedContextManagers: {"parenthesized context managers", Version{3, 9}},
	RelaxedDecorators:            {"relaxed decorator expressions", Version{3, 9}},
	StarredForIterable:           {"starred expressions in for-loop iterables", Version{3, 9}},
	MatchStatement:               {"match statement", Version{3, 10}},
	UnparenthesizedWalrus:        {"unparenthesized assignment expressions in subscripts and sets", Version{3, 10}},
	ExceptStar:                   {"except* clauses", Version{3, 11}},
	StarredSubscript:             {"starred expressions in subscripts", Version{3, 11}},
	StarredAnnotation:            {"starred annotations of *args", Version{3, 11}},
	TypeParameters:               {"type parameter lists", Version{3, 12}},
	TypeAliasStatement:           {"type statement", Version{3, 12}},
	FStringSyntax:                {"PEP 701 f-string syntax", Version{3, 12}},
	TypeParameterDefaults:        {"type parameter defaults", Version{3, 13}},
	TemplateStrings:              {"t-strings", Version{3, 14}},
	UnparenthesizedExceptTypes:   {"unparenthesized except types", Version{3, 14}},
}

// String returns a short English name of the feature.
func (f Feature) String() string {
	if f > 0 && f < numFeatures {
		return featureInfo[f].name
	}
	return "Feature(" + strconv.Itoa(int(f)) + ")"
}

// Min returns the first Python version that accepts the feature.
func (f Feature) Min() Version {
	if f > 0 && f < numFeatures {
		return featureInfo[f].min
	}
	return Version{3, 8}
}

// String returns the version as "3.14".
func (v Version) String() string {
	return strconv.Itoa(int(v.Major)) + "." + strconv.Itoa(int(v.Minor))
}

// gate records a use of feature f between start and end.
func (p *parser) gate(f Feature, start, end token.Pos) {
	if p.failed {
		return
	}
	p.gates = append(p.gates, Gate{Feature: f, Span: token.Span{Start: start, End: end}, Min: f.Min()})
}
