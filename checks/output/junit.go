package output

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// writeJUnit writes a JUnit XML report in the layout of Jenkins' junit.xsd,
// as Ruff does: one test suite per file with diagnostics, one failing test
// case per diagnostic, named org.py314.CODE, whose class name is the
// file's path without its extension; a single passing test case when
// there are no diagnostics.
func writeJUnit(buf *bytes.Buffer, items []item, _ *Options) error {
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(buf, "<testsuites name=\"py314\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n", max(len(items), 1), len(items))
	if len(items) == 0 {
		buf.WriteString(`    <testsuite name="py314" tests="1" disabled="0" errors="0" failures="0" package="org.py314">` + "\n")
		buf.WriteString(`        <testcase name="No errors found" classname="py314"/>` + "\n")
		buf.WriteString("    </testsuite>\n")
	}
	for i := 0; i < len(items); {
		path := items[i].path
		j := i
		for j < len(items) && items[j].path == path {
			j++
		}
		fmt.Fprintf(buf, "    <testsuite name=\"%s\" tests=\"%d\" disabled=\"0\" errors=\"0\" failures=\"%d\" package=\"org.py314\">\n",
			xmlEscape(path), j-i, j-i)
		classname := xmlEscape(strings.TrimSuffix(path, filepath.Ext(path)))
		for ; i < j; i++ {
			it := &items[i]
			fmt.Fprintf(buf, "        <testcase name=\"org.py314.%s\" classname=\"%s\" line=\"%d\" column=\"%d\">\n",
				xmlEscape(it.code), classname, it.start.Line, it.start.Column)
			buf.WriteString("            <properties>\n")
			fmt.Fprintf(buf, "                <property name=\"severity\" value=\"%s\"/>\n", it.severity)
			buf.WriteString("            </properties>\n")
			msg := xmlEscape(it.d.Message)
			fmt.Fprintf(buf, "            <failure message=\"%s\">line %d, col %d, %s</failure>\n", msg, it.start.Line, it.start.Column, msg)
			buf.WriteString("        </testcase>\n")
		}
		buf.WriteString("    </testsuite>\n")
	}
	buf.WriteString("</testsuites>\n")
	return nil
}

// xmlEscape escapes s for an XML attribute value or text: the five
// predefined entities, character references for tab and line breaks (so
// that attribute values keep them), and U+FFFD for characters XML 1.0
// does not allow.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r':
			fmt.Fprintf(&b, "&#x%X;", r)
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			b.WriteRune(0xFFFD)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
