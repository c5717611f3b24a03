# tables.py collects, from the running CPython, the facts py314's generated
# tables are made of. Its value (the last expression) is one JSON document;
# see main.go for how each part is used.
import array
import codecs
import encodings
import encodings.aliases
import importlib
import json
import pkgutil
import sys
import unicodedata


def ranges(flags):
    """Sorted, disjoint [lo, hi] code point ranges where flags (one bool per
    code point) is true."""
    bits = bytes(flags)
    out = []
    lo = bits.find(1)
    while lo >= 0:
        hi = bits.find(0, lo)
        if hi < 0:
            hi = len(bits)
        out.append([lo, hi - 1])
        lo = bits.find(1, hi)
    return out


def chars():
    return map(chr, range(0x110000))


def decode(name, data):
    """("ok", text) or ("err", start, end, reason, codec name in the message)."""
    try:
        return ("ok", data.decode(name))
    except UnicodeDecodeError as e:
        return ("err", e.start, e.end, e.reason, e.encoding)


def module_facts():
    """Every encodings module codecs.lookup accepts, with its CodecInfo facts."""
    mods = {}
    for m in pkgutil.iter_modules(encodings.__path__):
        try:
            info = codecs.lookup(m.name)
        except LookupError:
            continue
        mods[m.name] = {"name": info.name, "text": info._is_text_encoding}
    return mods


def single_byte_table(module):
    """The 256 characters a charmap codec decodes the bytes to; U+FFFE where
    decoding fails. None for codecs that are not plain byte-to-character maps."""
    mod = importlib.import_module("encodings." + module)
    if module not in ("latin_1", "charmap") and not hasattr(mod, "decoding_table"):
        return None
    chars = []
    err = None
    for b in range(256):
        r = decode(module, bytes([b]))
        if r[0] == "ok":
            assert len(r[1]) == 1, (module, b)
            chars.append(r[1])
        else:
            assert r[1:3] == (0, 1), (module, b, r)
            err = {"codec": r[4], "reason": r[3]}
            chars.append("\ufffe")
    valid = bytes(b for b in range(256) if chars[b] != "\ufffe")
    assert decode(module, valid) == ("ok", "".join(chars[b] for b in valid)), module
    return {"chars": "".join(chars), "error": err}


PAD = b"\n" * 8  # enough bytes after a sequence for every codec's longest one


def decode_segments(module, segments):
    """Decode each of segments, byte strings without "\n", as CPython does
    when they come one after the other, each followed by "\n": the text of
    each, or None if it does not decode. One decode call does them all; no
    segment may fail other than with a one-byte illegal sequence at its
    start, and "\n" must not be part of any sequence."""
    errors = []

    def probe(e):
        assert (e.end - e.start, e.reason) == (1, "illegal multibyte sequence"), (module, e)
        errors.append(e.start)
        return ("\udc80", e.start + 1)

    codecs.register_error("py314-probe", probe)
    starts = []
    blob = bytearray()
    for seg in segments:
        starts.append(len(blob))
        blob += seg + b"\n"
    texts = (bytes(blob) + PAD).decode(module, "py314-probe").split("\n")
    assert texts[len(segments):] == [""] * (len(PAD) + 1), module
    bad = set(errors)
    return [None if start in bad else text for start, text in zip(starts, texts)]


def cjk_facts(module):
    """What a multibyte codec does with every one- and two-byte sequence
    (each followed by newlines), plus its longer sequences."""
    facts = {"lead": [], "pairs": {}}
    ascii_bytes = bytes(b for b in range(0x80) if b not in b"\n\r")
    assert decode(module, ascii_bytes) == ("ok", ascii_bytes.decode()), module
    singles = decode_segments(module, [bytes([b0]) for b0 in range(0x80, 0x100)])
    lead = 0x80 + singles.index(None)
    err = decode(module, bytes([lead]) + PAD)
    assert err[0] == "err" and err[1:4] == (0, 1, "illegal multibyte sequence"), (module, err)
    for b0 in range(0x80, 0x100):
        text = singles[b0 - 0x80]
        if text is not None:
            assert len(text) == 1, (module, b0, text)
            facts["lead"].append(text)
            continue
        facts["lead"].append(None)
        trails = [b1 for b1 in range(0x100) if b1 != 0x0A]
        texts = decode_segments(module, [bytes([b0, b1]) for b1 in trails])
        for b1, text in zip(trails, texts):
            if text is not None:
                facts["pairs"]["%02x%02x" % (b0, b1)] = text
    facts["error"] = {"codec": err[4], "illegal": err[3]}
    facts["error"]["incomplete"] = "incomplete multibyte sequence"
    if module == "euc_jp":
        triples = {}
        tails = [(b1, b2) for b1 in range(0x100) for b2 in range(0x100) if 0x0A not in (b1, b2)]
        texts = decode_segments(module, [bytes([0x8F, b1, b2]) for b1, b2 in tails])
        for (b1, b2), text in zip(tails, texts):
            if text is not None:
                triples["%02x%02x" % (b1, b2)] = text
        facts["triples"] = triples
        r = decode(module, b"\x8f\xa1")
        assert r[1:4] == (0, 2, "incomplete multibyte sequence"), r
    if module == "gb18030":
        facts["quads"] = gb18030_quads()
    if module == "euc_kr":
        facts["makeup"] = euc_kr_makeup()
    return facts


def gb18030_quads():
    """Runs [first, count, rune] of the four-byte gb18030 sequences, by
    linear index ((b0-0x81)*10 + b1-0x30)*1260 + (b2-0x81)*10 + b3-0x30, that
    decode to one character each, the characters of a run consecutive."""
    BAD = 0xDC80  # a lone surrogate: no sequence decodes to it

    def probe(e):
        assert (e.end - e.start, e.reason) == (1, "illegal multibyte sequence"), e
        return (chr(BAD), e.start + 4)

    codecs.register_error("py314-gb18030-probe", probe)
    n = 1260  # sequences per (b0, b1)
    tail2 = bytes(b for b in range(0x81, 0xFF) for _ in range(10))
    tail3 = bytes(range(0x30, 0x3A)) * 126
    block = bytearray(4 * n)
    block[2::4] = tail2
    block[3::4] = tail3
    blob = bytearray()
    for b0 in range(0x81, 0xFF):
        for b1 in range(0x30, 0x3A):
            block[0::4] = bytes([b0]) * n
            block[1::4] = bytes([b1]) * n
            blob += block
    text = blob.decode("gb18030", "py314-gb18030-probe")
    cps = array.array("I", text.encode("utf-32-le", "surrogatepass"))
    assert cps.itemsize == 4 and len(cps) == len(blob) // 4
    runs = []
    bad = array.array("I", [BAD]) * n
    for first in range(0, len(cps), n):
        chunk = cps[first : first + n]
        if chunk == bad:
            continue
        c0 = chunk[0]
        if chunk == array.array("I", range(c0, c0 + n)):
            if runs and runs[-1][0] + runs[-1][1] == first and runs[-1][2] + runs[-1][1] == c0:
                runs[-1][1] += n
            else:
                runs.append([first, n, c0])
            continue
        for k, c in enumerate(chunk):
            i = first + k
            if c == BAD:
                continue
            if runs and runs[-1][0] + runs[-1][1] == i and runs[-1][2] + runs[-1][1] == c:
                runs[-1][1] += 1
            else:
                runs.append([i, 1, c])
    return runs


def euc_kr_makeup():
    """The KS X 1001:1998 make-up sequence A4 D4 A4 x A4 y A4 z: for each
    byte value, its choseong, jungseong or jongseong index (or -1)."""
    def syllable(x, y, z):
        r = decode("euc_kr", bytes([0xA4, 0xD4, 0xA4, x, 0xA4, y, 0xA4, z]) + PAD)
        if r[0] != "ok":
            assert r[1:4] == (0, 1, "illegal multibyte sequence"), r
            return None
        assert len(r[1]) == 1 + len(PAD), r
        return ord(r[1][0]) - 0xAC00
    cho, jung, jong = [], [], []
    for b in range(0x100):
        s = syllable(b, 0xBF, 0xD4)
        cho.append(-1 if s is None else s // 588)
        s = syllable(0xA1, b, 0xD4)
        jung.append(-1 if s is None else s // 28 % 21)
        s = syllable(0xA1, 0xBF, b)
        jong.append(-1 if s is None else s % 28)
    r = decode("euc_kr", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4")
    assert r[1:4] == (0, 7, "incomplete multibyte sequence"), r
    return {"cho": cho, "jung": jung, "jong": jong}


CJK = ["shift_jis", "cp932", "euc_jp", "gbk", "gb2312", "gb18030",
       "big5", "cp950", "big5hkscs", "euc_kr", "cp949"]

modules = module_facts()
for m in modules:
    if modules[m]["text"]:
        modules[m]["table"] = single_byte_table(m)

json.dumps({
    "python": sys.version.split()[0],
    "unidata": unicodedata.unidata_version,
    "ident_start": ranges(map(str.isidentifier, chars())),
    "ident_continue": ranges(map(str.isidentifier, map("a".__add__, chars()))),
    "printable": ranges(map(str.isprintable, chars())),
    "aliases": {k: v for k, v in encodings.aliases.aliases.items() if k == k.lower()},
    "modules": modules,
    "cjk": {m: cjk_facts(m) for m in CJK},
}, sort_keys=True)
