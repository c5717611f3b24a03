package files

import (
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ignoreFile holds the patterns of one .gitignore or .git/info/exclude
// file.
type ignoreFile struct {
	dir      string // absolute; anchored patterns are relative to it
	patterns []ignorePattern
}

// ignorePattern is one line of an ignore file.
type ignorePattern struct {
	segs     []string // the pattern split at slashes; "**" segments match any number of path segments
	negated  bool     // "!pattern": re-includes what an earlier pattern excluded
	dirOnly  bool     // "pattern/": matches directories only
	anchored bool     // has a slash before its end: matched against the whole path below dir, else against the base name
}

// ignoreChain lists the ignore files that apply in a directory, the most
// specific first: deeper .gitignore files, then shallower ones, then the
// repository's info/exclude.
type ignoreChain struct {
	file   *ignoreFile
	parent *ignoreChain
}

// parseIgnore parses the text of an ignore file whose patterns are
// relative to the absolute directory dir, following gitignore(5).
func parseIgnore(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{dir: dir}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		// Trailing spaces are ignored unless escaped with a backslash.
		for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
			line = line[:len(line)-1]
		}
		var p ignorePattern
		if line != "" && line[0] == '!' {
			p.negated = true
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") && !strings.HasSuffix(line, `\/`) {
			p.dirOnly = true
			line = strings.TrimSuffix(line, "/")
		}
		p.anchored = strings.Contains(line, "/")
		line = strings.TrimPrefix(line, "/")
		if line == "" {
			continue
		}
		p.segs = strings.Split(line, "/")
		f.patterns = append(f.patterns, p)
	}
	return f
}

// readIgnore reads and parses the ignore file at path, whose patterns are
// relative to dir. A file that cannot be read holds no patterns.
func readIgnore(dir, path string) *ignoreFile {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	f := parseIgnore(dir, data)
	if len(f.patterns) == 0 {
		return nil
	}
	return f
}

// push returns the chain with f in front, or c itself if f is nil.
func (c *ignoreChain) push(f *ignoreFile) *ignoreChain {
	if f == nil {
		return c
	}
	return &ignoreChain{file: f, parent: c}
}

// ignored reports whether the file or directory at the absolute path abs
// is ignored: the last pattern that matches it, in the most specific file
// that has one, decides.
func (c *ignoreChain) ignored(abs string, isDir bool) bool {
	for ; c != nil; c = c.parent {
		if ignored, ok := c.file.match(abs, isDir); ok {
			return ignored
		}
	}
	return false
}

// match reports whether a pattern of f matches abs, and if so whether the
// last one that does ignores it.
func (f *ignoreFile) match(abs string, isDir bool) (ignored, matched bool) {
	rel, ok := below(f.dir, abs)
	if !ok {
		return false, false
	}
	segs := strings.Split(filepath.ToSlash(rel), "/")
	for i := len(f.patterns) - 1; i >= 0; i-- {
		p := &f.patterns[i]
		if p.dirOnly && !isDir {
			continue
		}
		var m bool
		if p.anchored {
			m = matchSegments(p.segs, segs)
		} else {
			m = matchSegment(p.segs[0], segs[len(segs)-1])
		}
		if m {
			return !p.negated, true
		}
	}
	return false, false
}

// below returns path relative to dir if path is inside dir; both are
// clean and absolute.
func below(dir, path string) (string, bool) {
	if strings.HasSuffix(dir, string(filepath.Separator)) { // the root
		return strings.CutPrefix(path, dir)
	}
	rest, ok := strings.CutPrefix(path, dir)
	if !ok || rest == "" || rest[0] != filepath.Separator {
		return "", false
	}
	return rest[1:], true
}

// matchSegments matches the pattern segments pat against the path
// segments path. A "**" segment matches any number of path segments, but
// at the end of a pattern at least one.
func matchSegments(pat, path []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return len(path) > 0
			}
			for k := 0; k <= len(path); k++ {
				if matchSegments(pat[1:], path[k:]) {
					return true
				}
			}
			return false
		}
		if len(path) == 0 || !matchSegment(pat[0], path[0]) {
			return false
		}
		pat, path = pat[1:], path[1:]
	}
	return len(path) == 0
}

// matchSegment matches one pattern segment against one path segment:
// "*" matches any run of characters, "?" any one character, "[...]" one
// character of a set ("[!...]" or "[^...]" one not in it, with ranges and
// POSIX classes such as "[:digit:]"), and a backslash makes the next
// character literal. A malformed set or a trailing backslash matches
// nothing.
func matchSegment(pat, s string) bool {
	px, sx := 0, 0
	starP, starS := -1, 0
	for px < len(pat) || sx < len(s) {
		if px < len(pat) {
			switch c := pat[px]; c {
			case '*':
				starP, starS = px, sx
				px++
				continue
			case '?':
				if sx < len(s) {
					_, w := utf8.DecodeRuneInString(s[sx:])
					px++
					sx += w
					continue
				}
			case '[':
				if sx < len(s) {
					r, w := utf8.DecodeRuneInString(s[sx:])
					ok, n := matchClass(pat[px:], r)
					if n < 0 {
						return false
					}
					if ok {
						px += n
						sx += w
						continue
					}
				}
			case '\\':
				if px+1 == len(pat) {
					return false
				}
				if sx < len(s) && s[sx] == pat[px+1] {
					px += 2
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if starP < 0 || starS >= len(s) {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[starS:])
		starS += w
		px, sx = starP+1, starS
	}
	return true
}

// matchClass matches r against the bracket expression at the start of
// pat. It returns whether r matches and the length of the expression, or
// -1 if the expression is not closed.
func matchClass(pat string, r rune) (bool, int) {
	i := 1
	negated := false
	if i < len(pat) && (pat[i] == '!' || pat[i] == '^') {
		negated = true
		i++
	}
	matched := false
	first := true
	for {
		if i >= len(pat) {
			return false, -1
		}
		if pat[i] == ']' && !first {
			return matched != negated, i + 1
		}
		first = false
		if strings.HasPrefix(pat[i:], "[:") {
			if end := strings.Index(pat[i+2:], ":]"); end >= 0 {
				if inPOSIXClass(pat[i+2:i+2+end], r) {
					matched = true
				}
				i += 2 + end + 2
				continue
			}
		}
		lo, n := classChar(pat[i:])
		if n < 0 {
			return false, -1
		}
		i += n
		hi := lo
		if i+1 < len(pat) && pat[i] == '-' && pat[i+1] != ']' {
			if hi, n = classChar(pat[i+1:]); n < 0 {
				return false, -1
			}
			i += 1 + n
		}
		if lo <= r && r <= hi {
			matched = true
		}
	}
}

// classChar decodes one, possibly escaped, character of a bracket
// expression and returns it with its length, or -1 for a trailing
// backslash.
func classChar(s string) (rune, int) {
	if s[0] == '\\' {
		if len(s) == 1 {
			return 0, -1
		}
		r, w := utf8.DecodeRuneInString(s[1:])
		return r, 1 + w
	}
	r, w := utf8.DecodeRuneInString(s)
	return r, w
}

// inPOSIXClass reports whether r is in the POSIX character class name;
// an unknown name matches nothing.
func inPOSIXClass(name string, r rune) bool {
	switch name {
	case "alnum":
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	case "alpha":
		return unicode.IsLetter(r)
	case "blank":
		return r == ' ' || r == '\t'
	case "cntrl":
		return unicode.IsControl(r)
	case "digit":
		return '0' <= r && r <= '9'
	case "graph":
		return unicode.IsGraphic(r) && !unicode.IsSpace(r)
	case "lower":
		return unicode.IsLower(r)
	case "print":
		return unicode.IsPrint(r)
	case "punct":
		return unicode.IsPunct(r) || unicode.IsSymbol(r)
	case "space":
		return unicode.IsSpace(r)
	case "upper":
		return unicode.IsUpper(r)
	case "xdigit":
		return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
	}
	return false
}
