package output

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/py314/py314/checks"
)

// maxSnippetLines is the most source lines the full format shows for one
// diagnostic; longer ranges show their first and last lines around "...".
const (
	maxSnippetLines = 6
	headLines       = 3
	tailLines       = 2
)

// header writes "path:line:col: CODE [*] message" without a line break.
func header(buf *bytes.Buffer, it *item, opts *Options) {
	fmt.Fprintf(buf, "%s:%d:%d: %s ", it.path, it.start.Line, it.start.Column, it.code)
	if fixAvailable(it.d, opts) {
		buf.WriteString("[*] ")
	}
	buf.WriteString(it.d.Message)
}

// writeConcise writes one "path:line:col: CODE [*] message" line per
// diagnostic.
func writeConcise(buf *bytes.Buffer, items []item, opts *Options) error {
	for i := range items {
		header(buf, &items[i], opts)
		buf.WriteByte('\n')
	}
	return nil
}

// writePylint writes one "path:line: [CODE] message" line per diagnostic.
func writePylint(buf *bytes.Buffer, items []item, _ *Options) error {
	for i := range items {
		it := &items[i]
		fmt.Fprintf(buf, "%s:%d: [%s] %s\n", it.path, it.start.Line, it.code, it.d.Message)
	}
	return nil
}

// writeFull writes, for each diagnostic, its header line, the flagged
// source lines with carets under the flagged range, and a help line for
// its fix, followed by a blank line:
//
//	app.py:3:5: FT001 [*] message
//	  |
//	3 |     x = y
//	  |     ^^^^^
//	  |
//	help: title of the fix
func writeFull(buf *bytes.Buffer, items []item, opts *Options) error {
	for i := range items {
		it := &items[i]
		header(buf, it, opts)
		buf.WriteByte('\n')
		snippet(buf, it)
		if it.d.Fix != nil {
			buf.WriteString("help: " + helpText(it.d.Fix) + "\n")
		}
		buf.WriteByte('\n')
	}
	return nil
}

// A snippetLine is one source line of a snippet and the byte range of it
// to underline; from < 0 means no underline.
type snippetLine struct {
	line     int
	from, to int
}

// snippet writes the gutter-framed source lines of it's range.
func snippet(buf *bytes.Buffer, it *item) {
	f := it.file
	start, end := clamp(f, it.d.Span.Start), clamp(f, it.d.Span.End)
	if end < start {
		end = start
	}
	startLine, startCol := f.LineCol(start)
	endLine, endCol := f.LineCol(end)
	if endLine > startLine && endCol == 0 {
		// The range ends with a line break: the next line is not part
		// of it.
		endLine--
		ls, le := lineBounds(f, endLine)
		endCol = int(le - ls)
	}
	var lines []snippetLine
	for n := startLine; n <= endLine; n++ {
		ls, le := lineBounds(f, n)
		width := int(le - ls)
		from, to := 0, width
		if n == startLine {
			from = min(startCol, width)
		}
		if n == endLine {
			to = min(endCol, width)
		}
		if to < from {
			to = from
		}
		if from == to && n != startLine {
			from = -1 // an empty line inside the range: nothing to underline
		}
		lines = append(lines, snippetLine{n, from, to})
	}
	elided := false
	if len(lines) > maxSnippetLines {
		lines = append(lines[:headLines:headLines], lines[len(lines)-tailLines:]...)
		elided = true
	}
	gutter := len(strconv.Itoa(lines[len(lines)-1].line))
	blank := strings.Repeat(" ", gutter) + " |"
	buf.WriteString(blank + "\n")
	for i, sl := range lines {
		if elided && i == headLines {
			buf.WriteString("...\n")
		}
		ls, le := lineBounds(f, sl.line)
		text, cols := displayLine(f.Src[ls:le])
		fmt.Fprintf(buf, "%*d |", gutter, sl.line)
		if text != "" {
			buf.WriteString(" " + text)
		}
		buf.WriteByte('\n')
		if sl.from < 0 {
			continue
		}
		carets := cols[sl.to] - cols[sl.from]
		if carets == 0 {
			carets = 1
		}
		buf.WriteString(blank + " " + strings.Repeat(" ", cols[sl.from]) + strings.Repeat("^", carets) + "\n")
	}
	buf.WriteString(blank + "\n")
}

// githubCommands maps severities to workflow commands.
var githubCommands = [...]string{checks.Info: "notice", checks.Warning: "warning", checks.Error: "error"}

// writeGitHub writes one GitHub Actions workflow command per diagnostic,
// which the runner turns into an annotation:
//
//	::error file=/abs/app.py,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::app.py:L:C: CODE message
//
// col and endColumn are left out when the range spans lines, as GitHub
// requires. The fix's title follows the message on a second line.
func writeGitHub(buf *bytes.Buffer, items []item, _ *Options) error {
	for i := range items {
		it := &items[i]
		fmt.Fprintf(buf, "::%s file=%s,line=%d,", githubCommands[it.severity], githubProperty(it.abs), it.start.Line)
		if it.start.Line == it.end.Line {
			fmt.Fprintf(buf, "col=%d,endLine=%d,endColumn=%d", it.start.Column, it.end.Line, it.end.Column)
		} else {
			fmt.Fprintf(buf, "endLine=%d", it.end.Line)
		}
		fmt.Fprintf(buf, ",title=%s", githubProperty(it.code))
		msg := fmt.Sprintf("%s:%d:%d: %s %s", it.path, it.start.Line, it.start.Column, it.code, it.d.Message)
		if it.d.Fix != nil {
			msg += "\n  help: " + helpText(it.d.Fix)
		}
		buf.WriteString("::" + githubData(msg) + "\n")
	}
	return nil
}

// The escapes of workflow command messages and property values. A
// strings.Replacer is safe for concurrent use and never changes.
var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// githubData escapes the message of a workflow command.
func githubData(s string) string { return githubDataEscaper.Replace(s) }

// githubProperty escapes a property value of a workflow command.
func githubProperty(s string) string { return githubPropertyEscaper.Replace(s) }
