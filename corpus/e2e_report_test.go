package corpus

import (
	"bytes"
	"flag"
	"html"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite docs/report-example.png, the screenshot of the report on examples/")

// The size of the browser window the screenshots are taken in.
const shotWidth, shotHeight = 1280, 1800

// e2eChromium runs headless Chromium on a local file with a fresh profile and
// returns its standard output.
func e2eChromium(t *testing.T, bin, page string, args ...string) string {
	t.Helper()
	profile := e2eDir(t, "py314-chromium-")
	all := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
		"--hide-scrollbars", "--force-device-scale-factor=1"}
	all = append(all, args...)
	all = append(all, "file://"+filepath.ToSlash(page))
	out, code := e2eRun(t, filepath.Dir(page), e2eEnv(), 2*time.Minute, bin, all...)
	if code != 0 {
		t.Fatalf("chromium %s: exit status %d\n%s", strings.Join(args, " "), code, out)
	}
	return out
}

// e2ePageText returns the text of the <body> of an HTML document, as a
// reader sees it: tags and the text of <style> and <title> left out,
// character references decoded, white space collapsed.
func e2ePageText(doc string) string {
	if i := strings.Index(doc, "<body"); i >= 0 {
		doc = doc[i:]
	}
	doc = regexp.MustCompile(`(?s)<(style|title)[^>]*>.*?</(style|title)>`).ReplaceAllString(doc, " ")
	// Inline elements join their text to their neighbours'; the others
	// separate it.
	doc = regexp.MustCompile(`</?(?:a|code|em|mark|span)\b[^>]*>`).ReplaceAllString(doc, "")
	doc = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc, " ")
	return strings.Join(strings.Fields(html.UnescapeString(doc)), " ")
}

// e2eInOrder checks that text holds each of want, in order.
func e2eInOrder(t *testing.T, what, text string, want []string) {
	t.Helper()
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s: %q missing, or out of order, in the text:\n%s", what, w, text)
			return
		}
		rest = rest[i+len(w):]
	}
}

// e2eScreenshot takes a screenshot of page and returns it decoded.
func e2eScreenshot(t *testing.T, bin, page, out string) image.Image {
	t.Helper()
	e2eChromium(t, bin, page, "--screenshot="+out, "--window-size="+strconv.Itoa(shotWidth)+","+strconv.Itoa(shotHeight))
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != shotWidth || b.Dy() != shotHeight {
		t.Fatalf("the screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), shotWidth, shotHeight)
	}
	return img
}

// e2eCountColor counts the pixels of img within a small distance of c.
func e2eCountColor(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	near := func(x, y uint32) bool { d := int(x>>8) - int(y); return d >= -3 && d <= 3 }
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, uint32(c.R)) && near(g, uint32(c.G)) && near(bl, uint32(c.B)) {
				n++
			}
		}
	}
	return n
}

// TestReportInChromium renders py314's readiness report in headless
// Chromium: the text of the page as Chromium parsed it, and a screenshot
// in which the verdict banner and the chart's bars are drawn in their
// colours. It also takes the screenshot of the report on examples/ that
// the README shows; -update-screenshot writes it to
// docs/report-example.png.
func TestReportInChromium(t *testing.T) {
	goCmd := e2eTool(t, "go", "the report test builds py314")
	bin := e2eTool(t, "chromium", "the report test renders the page in headless Chromium")
	env := e2eEnv()
	tmp := e2eDir(t, "py314-report-")
	py314 := filepath.Join(tmp, "py314")
	e2eMust(t, "..", env, goCmd, "build", "-o", py314, "./cmd/py314")
	for _, line := range strings.Split(e2eMust(t, tmp, env, bin, "--version"), "\n") {
		if strings.HasPrefix(line, "Chromium") {
			t.Logf("%s", line) // the launcher script may print warnings before it
		}
	}

	proj := filepath.Join(tmp, "shop")
	for name, src := range map[string]string{
		"src/shop/__init__.py":     "\"\"\"Shop.\"\"\"\n",
		"src/shop/orders/tree.py":  "import ast\n\nx = ast.Num(n=1)\nif isinstance(x, ast.Str):\n    print(x.s)\n",
		"src/shop/consts.py":       "import ast\nBYTES = ast.Bytes  # noqa: PY101\nz = 1  # noqa: PY101\n",
		"src/tests/test_ok.py":     "def test_ok():\n    assert True\n",
		"tools/gen.py":             "import ast\nif True\n    pass\n",
		"tools/<escape>&\"name.py": "import ast\nv = ast.NameConstant\n",
	} {
		path := filepath.Join(proj, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join(tmp, "report.html")
	e2eMust(t, tmp, env, py314, "report", "--select", "PY001,PY101,PY002", proj, "-o", page)

	dom := e2eChromium(t, bin, page, "--dump-dom")
	if !strings.Contains(dom, "</html>") {
		t.Fatalf("chromium dumped no document:\n%s", dom)
	}
	e2eInOrder(t, "report", e2ePageText(dom), []string{
		"Python 3.14 readiness: shop",
		"6 files checked with 3 rules · 4 files with findings",
		"Blocked 5 findings break on Python 3.14; 1 more finding to review.",
		"Verdict per family",
		"FT Free threading Not checked 0 0 0 0 0",
		"DA Deferred annotations (PEP 649/749) Not checked 0 0 0 0 0",
		"ZS Zstandard and compression (PEP 784) Not checked 0 0 0 0 0",
		"PY Other Python 3.14 porting Blocked 5 1 0 4 4",
		"Findings by severity",
		"5 errors: break on Python 3.14", "1 warnings: likely to misbehave", "0 info: worth a look", "4 with a safe fix",
		"py314 check --fix applies the 4 safe fixes.",
		"Findings per top-level package",
		"shop 4 findings · 3 files",
		"tools 2 findings · 2 files",
		"tests clean · 1 file",
		"Worst files",
		"src/shop/orders/tree.py 3 0 0 3",
		"tools/<escape>&\"name.py 1 0 0 1",
		"tools/gen.py 1 0 0 1",
		"src/shop/consts.py 0 1 0 1",
		"All findings",
		"src/shop/consts.py",
		"3:10 PY002 warning unused suppression for PY101 z = 1 # noqa: PY101 safe fix",
		"src/shop/orders/tree.py",
		"3:5 PY101 error ast.Num was removed in Python 3.14; use ast.Constant x = ast.Num(n=1) safe fix",
		"4:18 PY101 error ast.Str was removed in Python 3.14; use ast.Constant if isinstance(x, ast.Str): safe fix",
		"5:12 PY101 error .s was removed from ast nodes in Python 3.14; use .value print(x.s) safe fix",
		"tools/<escape>&\"name.py",
		"2:5 PY101 error ast.NameConstant was removed in Python 3.14; use ast.Constant v = ast.NameConstant none",
		"tools/gen.py",
		"2:8 PY001 error expected ':' if True none",
	})
	// The links to the rule pages survive Chromium's parsing.
	for _, code := range []string{"PY001", "PY002", "PY101"} {
		if !strings.Contains(dom, `href="https://py314.dev/rules/`+code+`"`) {
			t.Errorf("no link to the page of %s in the DOM", code)
		}
	}

	img := e2eScreenshot(t, bin, page, filepath.Join(tmp, "report.png"))
	// The banner of the Blocked verdict (#cf222e) spans the page's width.
	if n := e2eCountColor(img, color.RGBA{0xcf, 0x22, 0x2e, 0xff}); n < 30000 {
		t.Errorf("the screenshot has %d pixels of the Blocked banner's red, want at least 30000", n)
	}
	// The bars of the PY family (#7048e8) in the chart.
	if n := e2eCountColor(img, color.RGBA{0x70, 0x48, 0xe8, 0xff}); n < 5000 {
		t.Errorf("the screenshot has %d pixels of the PY bars' violet, want at least 5000", n)
	}

	// The screenshot of the report on examples/, shown by the README.
	examples, err := filepath.Abs(filepath.Join("..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	exPage := filepath.Join(tmp, "examples.html")
	e2eMust(t, tmp, env, py314, "report", examples, "-o", exPage)
	exText := e2ePageText(e2eChromium(t, bin, exPage, "--dump-dom"))
	e2eInOrder(t, "examples report", exText, []string{
		"Python 3.14 readiness: examples", "6 files checked", "Verdict per family", "Findings per top-level package", "inventory",
	})
	exShot := filepath.Join(tmp, "examples.png")
	e2eScreenshot(t, bin, exPage, exShot)
	golden := filepath.Join("..", "docs", "report-example.png")
	if *updateScreenshot {
		data, err := os.ReadFile(exShot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatalf("the README's screenshot: %v (go test ./corpus -run TestReportInChromium -update-screenshot writes it)", err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != shotWidth || cfg.Height != shotHeight {
		t.Errorf("%s: %dx%d PNG (%v), want %dx%d", golden, cfg.Width, cfg.Height, err, shotWidth, shotHeight)
	}
}
