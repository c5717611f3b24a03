package corpus

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/parser"
)

// The ZS behaviour tests run every fixture of ZS001-ZS003 that has a fix
// golden under CPython 3.14, before and after the fix: the input with a
// driver appended, then each golden with the same driver. The driver calls
// the fixture's functions on the same data and prints what the rules
// claim: the codec and first bytes of what was written (zstd's magic is
// 28b52ffd), whether reading it back gives the original bytes, the level
// the output was compressed with, and the exceptions the originals raise.

// zsPrelude is prepended to every driver: helpers that describe
// compressed output.
const zsPrelude = `
import bz2 as _bz2, gzip as _gzip, io as _io, lzma as _lzma, os as _os, tarfile as _tarfile, zipfile as _zipfile, zlib as _zlib
from compression import zstd as _zstd


def _codec(blob):
    if blob[:2] == b"\x1f\x8b":
        return "gzip", _gzip.decompress(blob)
    if blob[:4] == b"\x28\xb5\x2f\xfd":
        return "zstd", _zstd.decompress(blob)
    if blob[:3] == b"BZh":
        return "bz2", _bz2.decompress(blob)
    if blob[:6] == b"\xfd7zXZ\x00":
        return "xz", _lzma.decompress(blob)
    if blob[:1] == b"\x78":
        return "zlib", _zlib.decompress(blob)
    return "unknown", None


def _level(codec, blob, data):
    # gzip records the level class in its header (XFL: 2 best, 4 fastest);
    # a zstd stream is identified by the levels that reproduce it.
    if codec == "gzip":
        return "xfl=%d" % blob[8]
    if codec != "zstd":
        return ""
    found = []
    for level in range(1, 13):
        c = _zstd.ZstdCompressor(level=level)
        if blob in (_zstd.compress(data, level=level), c.compress(data) + c.flush()):
            found.append(level)
    return "levels=%s" % found


def describe(label, blob, data):
    codec, back = _codec(blob)
    print(("%s: %s magic=%s roundtrip=%s %s" % (label, codec, blob[:4].hex(), back == data, _level(codec, blob, data))).rstrip())


def describe_files(expected):
    for root, dirs, files in sorted(_os.walk(".")):
        dirs.sort()
        for name in sorted(files):
            path = _os.path.join(root, name)[2:]
            blob = open(path, "rb").read()
            describe(path, blob, expected.get(name.split(".")[0], expected[None]))
`

// zsCase drives one fixture input.
type zsCase struct {
	driver string
	// want is the standard output of the input and of each golden, keyed
	// by section name.
	want map[string]string
}

// zsPayload is the data the ZS001 drivers compress: JSON records, varied
// enough that zstd's levels give different output.
const zsPayload = `
import json as _json
records = [{"id": i, "name": "user%d" % i, "token": "%08x" % (i * 2654435761 % 2**32), "tags": ["a", "b", "c"][: i % 4]} for i in range(3000)]
data = _json.dumps(records).encode()
`

// zsTree is the source tree the ZS002 drivers archive, and a description
// of archives: the codec of the file or of each zip member, and whether
// extracting gives back the tree.
const zsTree = zsPayload + `
_os.makedirs("src/sub")
tree = {"a.txt": data, "sub/b.txt": b"beta\n" * 400}
for _path, _content in tree.items():
    open("src/" + _path, "wb").write(_content)


def _member(name):
    # Members are named src/a.txt, or ./a.txt under make_archive's root_dir.
    return tree[name.removeprefix("./").removeprefix("src/")]


def describe_archive(path):
    blob = open(path, "rb").read()
    if blob[:2] == b"PK":
        with _zipfile.ZipFile(path) as z:
            for info in z.infolist():
                raw = open(path, "rb")
                raw.seek(info.header_offset)
                head = raw.read(30)
                raw.seek(int.from_bytes(head[26:28], "little") + int.from_bytes(head[28:30], "little"), 1)
                member = raw.read(4)
                print("%s: zip member %s method=%d data magic=%s extracted=%s" % (path, info.filename, info.compress_type,
                      member.hex(), z.read(info) == _member(info.filename)))
        return
    codec, inner = _codec(blob)
    with _tarfile.open(path) as tar:
        same = all(tar.extractfile(m).read() == _member(m.name) for m in tar if m.isfile())
        names = sorted(m.name for m in tar)
    print(("%s: %s magic=%s members=%s extracted=%s %s" % (path, codec, blob[:4].hex(), names, same, _level(codec, blob, inner))).rstrip())


def describe_archives():
    for name in sorted(_os.listdir(".")):
        if _os.path.isfile(name):
            describe_archive(name)
`

// zsRun is the ZS003 driver's helper: it runs a function of the fixture
// and prints its exception, or "ok".
const zsRun = zsPayload + `
_os.makedirs("src")
open("src/a.txt", "wb").write(data)
open("in.zst", "wb").write(_zstd.compress(data))


def run(name, *args):
    try:
        result = globals()[name](*args)
    except Exception as e:
        print("%s: %s: %s" % (name, type(e).__name__, e))
    else:
        print("%s: ok" % name)
        if result == data:
            print("  returned the data")
        elif isinstance(result, bytes):
            describe("  returned", result, data)


def describe_outputs():
    for name in sorted(_os.listdir(".")):
        if _os.path.isfile(name) and name != "in.zst":
            blob = open(name, "rb").read()
            codec, inner = _codec(blob)
            print(("%s: %s magic=%s %s" % (name, codec, blob[:4].hex(), _level(codec, blob, inner))).rstrip())
`

var zsCases = map[string]zsCase{
	"ZS001/write.txtar:write.py": {
		driver: zsPayload + `
save_records(records)
save_fast("fast.bin", data)
save_best("best.bin", data)
save_default("default.bin", data)
append_lines("app", ["one", "two", "three"])
_os.mkdir("out")
save_in("out", data)
save_dump(data)
save_second_dump(data)
describe_files({"records": _json.dumps(records).encode(), "app": b"one\ntwo\nthree\n", None: data})
buffer = _io.BytesIO()
to_buffer(buffer, data)
describe("to_buffer", buffer.getvalue(), data)
for i, blob in enumerate(blobs(data)):
    describe("blobs[%d]" % i, blob, data)
chunks = [data[i : i + 1000] for i in range(0, len(data), 1000)]
describe("stream", stream(chunks), data)
describe("stream_blocks", stream_blocks(chunks), data)
`,
		want: map[string]string{
			"write.py": `app.log.gz: gzip magic=1f8b0808 roundtrip=True xfl=2
best.bin: gzip magic=1f8b0808 roundtrip=True xfl=2
default.bin: gzip magic=1f8b0808 roundtrip=True xfl=2
dump.xz: xz magic=fd377a58 roundtrip=True
dump2.bz2: bz2 magic=425a6835 roundtrip=True
fast.bin: gzip magic=1f8b0808 roundtrip=True xfl=4
records.json.gz: gzip magic=1f8b0808 roundtrip=True xfl=2
out/dump.bz2: bz2 magic=425a6839 roundtrip=True
to_buffer: gzip magic=1f8b0800 roundtrip=True xfl=0
blobs[0]: gzip magic=1f8b0800 roundtrip=True xfl=2
blobs[1]: gzip magic=1f8b0800 roundtrip=True xfl=0
blobs[2]: zlib magic=78da8cdd roundtrip=True
blobs[3]: zlib magic=78018c9d roundtrip=True
blobs[4]: zlib magic=789c8cdd roundtrip=True
blobs[5]: bz2 magic=425a6836 roundtrip=True
blobs[6]: xz magic=fd377a58 roundtrip=True
stream: zlib magic=785e8cdd roundtrip=True
stream_blocks: bz2 magic=425a6839 roundtrip=True
`,
			"write.py.fixed.unsafe": `app.log.zst: zstd magic=28b52ffd roundtrip=True levels=[]
best.bin: zstd magic=28b52ffd roundtrip=True levels=[9]
default.bin: zstd magic=28b52ffd roundtrip=True levels=[3]
dump.zst: zstd magic=28b52ffd roundtrip=True levels=[2]
dump2.zst: zstd magic=28b52ffd roundtrip=True levels=[5]
fast.bin: zstd magic=28b52ffd roundtrip=True levels=[1]
records.json.zst: zstd magic=28b52ffd roundtrip=True levels=[]
out/dump.zst: zstd magic=28b52ffd roundtrip=True levels=[3]
to_buffer: zstd magic=28b52ffd roundtrip=True levels=[5]
blobs[0]: zstd magic=28b52ffd roundtrip=True levels=[3]
blobs[1]: zstd magic=28b52ffd roundtrip=True levels=[4]
blobs[2]: zstd magic=28b52ffd roundtrip=True levels=[9]
blobs[3]: zstd magic=28b52ffd roundtrip=True levels=[1]
blobs[4]: zstd magic=28b52ffd roundtrip=True levels=[3]
blobs[5]: zstd magic=28b52ffd roundtrip=True levels=[6]
blobs[6]: zstd magic=28b52ffd roundtrip=True levels=[7]
stream: zstd magic=28b52ffd roundtrip=True levels=[4]
stream_blocks: zstd magic=28b52ffd roundtrip=True levels=[3]
`,
		},
	},
	"ZS001/write.txtar:compression_names.py": {
		driver: zsPayload + `
blob = save("out.bin", data)
describe_files({None: data})
describe("returned", blob, data)
`,
		want: map[string]string{
			"compression_names.py": `out.bin: gzip magic=1f8b0808 roundtrip=True xfl=2
returned: zlib magic=789c8cdd roundtrip=True
`,
			"compression_names.py.fixed.unsafe": `out.bin: zstd magic=28b52ffd roundtrip=True levels=[3]
returned: zstd magic=28b52ffd roundtrip=True levels=[3]
`,
		},
	},
	"ZS001/write.txtar:existing_import.py": {
		driver: zsPayload + `
save("out.bin", data)
describe_files({None: data})
for i, blob in enumerate(pack(data)):
    describe("pack[%d]" % i, blob, data)
`,
		want: map[string]string{
			"existing_import.py": `out.bin: gzip magic=1f8b0808 roundtrip=True xfl=2
pack[0]: zstd magic=28b52ffd roundtrip=True levels=[3]
pack[1]: gzip magic=1f8b0800 roundtrip=True xfl=2
`,
			"existing_import.py.fixed.unsafe": `out.bin: zstd magic=28b52ffd roundtrip=True levels=[3]
pack[0]: zstd magic=28b52ffd roundtrip=True levels=[3]
pack[1]: zstd magic=28b52ffd roundtrip=True levels=[3]
`,
		},
	},
	"ZS001/write.txtar:optional_import.py": {
		driver: zsPayload + `
describe("pack", pack(data), data)
`,
		want: map[string]string{
			"optional_import.py": `pack: gzip magic=1f8b0800 roundtrip=True xfl=2
`,
			"optional_import.py.fixed.unsafe": `pack: zstd magic=28b52ffd roundtrip=True levels=[3]
`,
		},
	},
	"ZS001/write.txtar:no_imports.py": {
		driver: zsPayload + `
describe("main", main(data), data)
`,
		want: map[string]string{
			"no_imports.py": `main: gzip magic=1f8b0800 roundtrip=True xfl=2
`,
			"no_imports.py.fixed.unsafe": `main: zstd magic=28b52ffd roundtrip=True levels=[9]
`,
		},
	},
	"ZS001/backport.txtar:backport.py": {
		driver: zsPayload + `
save("out.bin", data)
describe_files({None: data})
describe("pack", pack(data), data)
`,
		want: map[string]string{
			"backport.py": `out.bin: gzip magic=1f8b0808 roundtrip=True xfl=4
pack: zlib magic=789c8cdd roundtrip=True
`,
			"backport.py.fixed.unsafe": `out.bin: zstd magic=28b52ffd roundtrip=True levels=[1]
pack: zstd magic=28b52ffd roundtrip=True levels=[3]
`,
		},
	},
	"ZS001/backport.txtar:already_guarded.py": {
		driver: zsPayload + `
describe("save", save(data), data)
`,
		want: map[string]string{
			"already_guarded.py": `save: gzip magic=1f8b0800 roundtrip=True xfl=2
`,
			"already_guarded.py.fixed.unsafe": `save: zstd magic=28b52ffd roundtrip=True levels=[3]
`,
		},
	},
	"ZS002/write.txtar:write.py": {
		driver: zsTree + `
release("src")
release_fast("src", "fast.tar.gz")
release_best("src")
stream("src")
buffer = _io.BytesIO()
to_buffer(buffer, "src")
open("buffer.bin", "wb").write(buffer.getvalue())
print("snapshot returned", _os.path.basename(snapshot("snap", "src")))
bundle("src/a.txt")
bundle_named("src/sub/b.txt")
describe_archives()
`,
		want: map[string]string{
			"write.py": `snapshot returned snap.tar.gz
best.tgz: gzip magic=1f8b0808 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=2
buffer.bin: gzip magic=1f8b0800 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=2
bundle.zip: zip member src/a.txt method=8 data magic=8cdddbae extracted=True
fast.tar.gz: gzip magic=1f8b0808 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=4
named.zip: zip member src/sub/b.txt method=8 data magic=4b4a2d49 extracted=True
release.tar.gz: gzip magic=1f8b0808 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=2
snap.tar.gz: gzip magic=1f8b0808 members=['.', './a.txt', './sub', './sub/b.txt'] extracted=True xfl=2
stream.tgz: gzip magic=1f8b0808 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=2
`,
			"write.py.fixed.unsafe": `snapshot returned snap.tar.zst
best.tzst: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[9]
buffer.bin: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[3]
bundle.zip: zip member src/a.txt method=93 data magic=28b52ffd extracted=True
fast.tar.gz: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[1]
named.zip: zip member src/sub/b.txt method=93 data magic=28b52ffd extracted=True
release.tar.zst: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[3]
snap.tar.zst: zstd magic=28b52ffd members=['.', './a.txt', './sub', './sub/b.txt'] extracted=True levels=[3]
stream.tzst: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[3]
`,
		},
	},
	"ZS002/backport.txtar:backport.py": {
		driver: zsTree + `
release("src")
stream("src")
bundle("src/a.txt")
print("snapshot returned", _os.path.basename(snapshot("snap", "src")))
describe_archives()
`,
		want: map[string]string{
			"backport.py": `snapshot returned snap.tar.gz
bundle.zip: zip member src/a.txt method=8 data magic=8cdddbae extracted=True
release.tar.gz: gzip magic=1f8b0808 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=2
snap.tar.gz: gzip magic=1f8b0808 members=['.', './a.txt', './sub', './sub/b.txt'] extracted=True xfl=2
stream.tar.gz: gzip magic=1f8b0808 members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True xfl=2
`,
			"backport.py.fixed.unsafe": `snapshot returned snap.tar.gz
bundle.zip: zip member src/a.txt method=93 data magic=28b52ffd extracted=True
release.tar.zst: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[3]
snap.tar.gz: gzip magic=1f8b0808 members=['.', './a.txt', './sub', './sub/b.txt'] extracted=True xfl=2
stream.tar.zst: zstd magic=28b52ffd members=['src', 'src/a.txt', 'src/sub', 'src/sub/b.txt'] extracted=True levels=[3]
`,
		},
	},
	"ZS003/keywords.txtar:keywords.py": {
		driver: zsRun + `
run("zstd_file", data)
run("zstd_object", _io.BytesIO(), data)
run("zstd_blob", data)
run("zstd_read", "in.zst")
run("tar_zst", "src")
run("tar_zst_stream", "src")
run("tar_zst_stream_level", "src")
run("tar_gz", "src")
run("tar_xz", "src")
run("gzip_blob", data)
run("gzip_file", data)
run("bz2_file", data)
run("lzma_blob", data)
run("zlib_blob", data)
run("zlib_stream", data)
describe_outputs()
`,
		want: map[string]string{
			"keywords.py": `zstd_file: TypeError: open() got an unexpected keyword argument 'compresslevel'
zstd_object: TypeError: ZstdFile.__init__() got an unexpected keyword argument 'compresslevel'
zstd_blob: TypeError: compress() got an unexpected keyword argument 'compresslevel'
zstd_read: TypeError: level is illegal in read mode
tar_zst: TypeError: TarFile.__init__() got an unexpected keyword argument 'compresslevel'
tar_zst_stream: ValueError: compresslevel is only valid for w|gz and w|bz2 modes
tar_zst_stream_level: TypeError: TarFile.__init__() got an unexpected keyword argument 'level'
tar_gz: TypeError: TarFile.__init__() got an unexpected keyword argument 'level'
tar_xz: TypeError: TarFile.__init__() got an unexpected keyword argument 'compresslevel'
gzip_blob: TypeError: compress() got an unexpected keyword argument 'level'
gzip_file: TypeError: open() got an unexpected keyword argument 'level'
bz2_file: TypeError: BZ2File.__init__() got an unexpected keyword argument 'level'
lzma_blob: TypeError: compress() got an unexpected keyword argument 'level'
zlib_blob: TypeError: compress() got an unexpected keyword argument 'compresslevel'
zlib_stream: TypeError: compressobj() got an unexpected keyword argument 'compresslevel'
src.tar.gz: gzip magic=1f8b0808 xfl=2
src.tar.xz: xz magic=fd377a58
src.tar.zst: unknown magic=
stream2.tar.zst: zstd magic=28b52ffd levels=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
`,
			"keywords.py.fixed": `zstd_file: ok
zstd_object: ok
zstd_blob: ok
  returned: zstd magic=28b52ffd roundtrip=True levels=[5]
zstd_read: ok
  returned the data
tar_zst: ok
tar_zst_stream: ok
tar_zst_stream_level: ok
tar_gz: ok
tar_xz: ok
gzip_blob: ok
  returned: gzip magic=1f8b0800 roundtrip=True xfl=4
gzip_file: ok
bz2_file: ok
lzma_blob: ok
  returned: xz magic=fd377a58 roundtrip=True
zlib_blob: ok
  returned: zlib magic=78018c9d roundtrip=True
zlib_stream: ok
  returned: zlib magic=78018c9d roundtrip=True
data.bz2: bz2 magic=425a6831
data.gz: gzip magic=1f8b0808 xfl=4
data.zst: zstd magic=28b52ffd levels=[10, 11, 12]
src.tar.gz: gzip magic=1f8b0808 xfl=4
src.tar.xz: xz magic=fd377a58
src.tar.zst: zstd magic=28b52ffd levels=[10, 11, 12]
stream.tar.zst: zstd magic=28b52ffd levels=[3]
stream2.tar.zst: zstd magic=28b52ffd levels=[3]
`,
		},
	},
	"ZS003/keywords.txtar:kept.py": {
		driver: zsRun + `
run("both", data)
run("commented", "in.zst")
run("first", "first.tar.zst")
describe_outputs()
`,
		want: map[string]string{
			"kept.py": `both: TypeError: compress() got an unexpected keyword argument 'compresslevel'
commented: TypeError: level is illegal in read mode
first: ValueError: compresslevel is only valid for w|gz and w|bz2 modes
`,
			"kept.py.fixed": `both: TypeError: compress() got an unexpected keyword argument 'compresslevel'
commented: ok
first: ok
first.tar.zst: zstd magic=28b52ffd levels=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
`,
		},
	},
}

// zsInputs returns, for every ZS001-ZS003 fixture input with a fix golden,
// its key ("ZS001/write.txtar:write.py"), its sections and its options.
func zsInputs(t *testing.T) map[string]map[string][]byte {
	paths, err := filepath.Glob(filepath.Join("rules", "ZS00[123]", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string][]byte{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ar := txtar.Parse(data)
		sections := map[string][]byte{}
		for _, f := range ar.Files {
			sections[f.Name] = f.Data
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, "rules"+string(filepath.Separator)))
		for name, src := range sections {
			if !strings.HasSuffix(name, ".py") {
				continue
			}
			set := map[string][]byte{name: src}
			for _, suf := range []string{".fixed", ".fixed.unsafe"} {
				if g, ok := sections[name+suf]; ok {
					set[name+suf] = g
				}
			}
			if len(set) > 1 {
				out[rel+":"+name] = set
			}
		}
	}
	return out
}

func TestZSBehaviour(t *testing.T) {
	inputs := zsInputs(t)
	var keys []string
	for k := range inputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for k := range zsCases {
		if inputs[k] == nil {
			t.Errorf("%s: no such fixture input with a fix golden", k)
		}
	}
	var reqs []oracle.Request
	for _, k := range keys {
		c, ok := zsCases[k]
		if !ok {
			t.Errorf("%s has a fix golden but no behaviour test in zsCases", k)
			continue
		}
		var names []string
		for name := range inputs[k] {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			src := string(inputs[k][name]) + "\n" + zsPrelude + c.driver
			reqs = append(reqs, oracle.Request{ID: k + "|" + name, Op: oracle.Exec, Src: []byte(src)})
		}
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		key, name, _ := strings.Cut(r.ID, "|")
		got := r.Stdout
		if r.Err != nil {
			got += "raised " + r.Err.Type + ": " + r.Err.Msg + "\n"
		}
		want, ok := zsCases[key].want[name]
		if !ok || got != want {
			t.Errorf("%s %s: output differs:\ngot:\n%s\nwant:\n%s", key, name, got, want)
		}
		if strings.HasPrefix(key, "ZS003/") && !strings.Contains(name, ".fixed") {
			checkZS003Claims(t, key, inputs[key][name], got)
		}
	}
}

var (
	zsDefRE    = regexp.MustCompile(`^\s*def (\w+)\(`)
	zsRaisesRE = regexp.MustCompile(`raises (\w+)`)
)

// checkZS003Claims checks that every ZS003 diagnostic of an input names
// the exception that the function it is in raised under CPython 3.14, as
// the driver printed it ("name: TypeError: ...").
func checkZS003Claims(t *testing.T, key string, src []byte, out string) {
	t.Helper()
	enabled, err := config.Select(rules.All(), config.Selection{Select: []string{"ZS003"}})
	if err != nil {
		t.Fatal(err)
	}
	f := parser.ParseSource("input.py", src, parser.Options{})
	diags := checks.Run(f, checks.Settings{Rules: enabled, Target: parser.Version{Major: 3, Minor: 14}}).Diagnostics
	if len(diags) == 0 {
		t.Errorf("%s: no ZS003 diagnostics", key)
	}
	lines := strings.Split(string(src), "\n")
	for _, d := range diags {
		line, _ := f.File.LineCol(d.Span.Start)
		fn := ""
		for i := line - 1; i >= 0 && fn == ""; i-- {
			if m := zsDefRE.FindStringSubmatch(lines[i]); m != nil {
				fn = m[1]
			}
		}
		claim := zsRaisesRE.FindStringSubmatch(d.Message)
		if fn == "" || claim == nil {
			t.Errorf("%s:%d: cannot tell the function or the claimed exception of %q", key, line, d.Message)
			continue
		}
		if !strings.Contains(out, "\n"+fn+": "+claim[1]+": ") && !strings.HasPrefix(out, fn+": "+claim[1]+": ") {
			t.Errorf("%s:%d: ZS003 says %s() raises %s, but under CPython 3.14 it printed:\n%s", key, line, fn, claim[1], out)
		}
	}
}

// TestZSDefaults checks which ZS rules are in the default set: all but the
// style rule ZS007.
func TestZSDefaults(t *testing.T) {
	enabled, err := config.Select(rules.All())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range enabled {
		if r.Family() == "ZS" {
			got = append(got, r.Code)
		}
	}
	if want := "ZS001 ZS002 ZS003 ZS004 ZS005 ZS006"; strings.Join(got, " ") != want {
		t.Errorf("default ZS rules: got %v, want %s", got, want)
	}
}
