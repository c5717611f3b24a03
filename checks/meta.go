package checks

// SyntaxErrorRule turns every parse error into a diagnostic at its
// position. The engine reports it; it has no Check of its own.
var SyntaxErrorRule = &Rule{
	Code:     "PY001",
	Name:     "syntax-error",
	Summary:  "source that CPython 3.14 cannot parse",
	Severity: Error,
	Default:  true,
	Doc: `## What it does
Reports every syntax error the parser finds, at its position and with the message CPython 3.14
prints for it ("expected ':'", "unterminated string literal (detected at line 3)", ...). Unlike
the interpreter, py314 keeps going after the first error: it reports every error it can find and
still checks the rest of the file as far as the parser recovered.

## Why it matters on Python 3.14
A file that does not parse does not import. Some code that parsed on older versions no longer
does, and some new syntax (t-strings, ` + "`except A, B:`" + `) does not parse on older versions.

## Example
` + "```python" + `
if ready
    start()
` + "```" + `

## Use instead
` + "```python" + `
if ready:
    start()
` + "```" + `

## Fix safety
No fix is offered.

## References
- [Python 3.14 grammar](https://docs.python.org/3.14/reference/grammar.html)
`,
}

// UnusedSuppressionRule reports suppression comments that suppress nothing.
// The engine reports it after all other rules ran.
var UnusedSuppressionRule = &Rule{
	Code:     "PY002",
	Name:     "unused-suppression",
	Summary:  "a suppression comment that suppresses nothing",
	Severity: Warning,
	Default:  true,
	Fix:      FixAlways,
	Doc: `## What it does
Reports codes in ` + "`# noqa: CODE`" + ` comments and ` + "`# py314: noqa: CODE`" + ` file comments
that suppress no diagnostic of an enabled py314 rule.

Codes py314 does not know (those of other linters) and bare ` + "`# noqa`" + ` comments, which other
tools may rely on, are never reported.

## Why it matters on Python 3.14
Suppressions written while porting tend to outlive the code they were written for. A stale
suppression hides the next real finding on that line.

## Example
` + "```python" + `
import gzip  # noqa: ZS005
` + "```" + `

## Use instead
` + "```python" + `
import gzip
` + "```" + `

## Fix safety
The fix removes the unused codes, or the whole comment when no code is left. It is safe: a
suppression that suppresses nothing has no effect.

## References
- [Ruff's RUF100](https://docs.astral.sh/ruff/rules/unused-noqa/)
`,
}
