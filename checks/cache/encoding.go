package cache

import (
	"encoding/binary"
	"errors"
)

// The index file is a small binary format of its own: a general-purpose
// encoding (encoding/gob) cost more to start up and to decode than the rest
// of a run on an unchanged tree. All integers are varints; strings and
// lists are preceded by their length.
//
//	file      magic salt count entry*
//	entry     name status content used count diagnostic*
//	status    size mtime ctime inode device mode
//	diagnostic code start end message severity fix?
//	fix       1 title applicability count (start end new)*   (0 when absent)
const indexMagic = "py314 cache 1\n"

var errCorrupt = errors.New("corrupt index")

// encodeIndex returns the index file for entries.
func encodeIndex(salt Hash, entries map[string]*entry) []byte {
	b := append([]byte(indexMagic), salt[:]...)
	b = binary.AppendUvarint(b, uint64(len(entries)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for name, e := range entries {
		str(name)
		st := e.Status
		b = binary.AppendVarint(b, st.Size)
		b = binary.AppendVarint(b, st.Mtime)
		b = binary.AppendVarint(b, st.Ctime)
		b = binary.AppendUvarint(b, st.Inode)
		b = binary.AppendUvarint(b, st.Device)
		b = binary.AppendUvarint(b, uint64(st.Mode))
		b = append(b, e.Content[:]...)
		b = binary.AppendVarint(b, e.Used)
		b = binary.AppendUvarint(b, uint64(len(e.Diagnostics)))
		for _, d := range e.Diagnostics {
			str(d.Code)
			b = binary.AppendVarint(b, int64(d.Start))
			b = binary.AppendVarint(b, int64(d.End))
			str(d.Message)
			b = append(b, d.Severity)
			if d.Fix == nil {
				b = append(b, 0)
				continue
			}
			b = append(b, 1)
			str(d.Fix.Title)
			b = append(b, d.Fix.Applicability)
			b = binary.AppendUvarint(b, uint64(len(d.Fix.Edits)))
			for _, ed := range d.Fix.Edits {
				b = binary.AppendVarint(b, int64(ed.Start))
				b = binary.AppendVarint(b, int64(ed.End))
				str(ed.New)
			}
		}
	}
	return b
}

// decoder reads an index file; the first problem sticks in err and turns
// every later read into a zero.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() { d.err, d.b = errCorrupt, nil }

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// varint reads a signed varint: binary.AppendVarint's zig-zag encoding
// of the value as an unsigned one.
func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length, which can be no more than the bytes left.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.fail()
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string { return string(d.bytes(d.count())) }
func (d *decoder) byte1() uint8 {
	if b := d.bytes(1); len(b) == 1 {
		return b[0]
	}
	return 0
}
func (d *decoder) int32() int32 { return int32(d.varint()) }

// decodeIndex reads an index file written by encodeIndex for salt.
func decodeIndex(data []byte, salt Hash) (map[string]*entry, error) {
	if len(data) < len(indexMagic)+len(salt) || string(data[:len(indexMagic)]) != indexMagic ||
		Hash(data[len(indexMagic):len(indexMagic)+len(salt)]) != salt {
		return nil, errCorrupt
	}
	d := &decoder{b: data[len(indexMagic)+len(salt):]}
	n := d.count()
	entries := make(map[string]*entry, n)
	for range n {
		name := d.str()
		e := &entry{}
		e.Status = Status{Size: d.varint(), Mtime: d.varint(), Ctime: d.varint(), Inode: d.uvarint(), Device: d.uvarint(), Mode: uint32(d.uvarint())}
		content := d.bytes(len(e.Content))
		e.Used = d.varint()
		if d.err != nil {
			return nil, d.err
		}
		e.Content = Hash(content)
		e.Diagnostics = make([]storedDiagnostic, d.count())
		for i := range e.Diagnostics {
			sd := &e.Diagnostics[i]
			sd.Code, sd.Start, sd.End, sd.Message, sd.Severity = d.str(), d.int32(), d.int32(), d.str(), d.byte1()
			if d.byte1() == 1 {
				sd.Fix = &storedFix{Title: d.str(), Applicability: d.byte1()}
				sd.Fix.Edits = make([]storedEdit, d.count())
				for j := range sd.Fix.Edits {
					sd.Fix.Edits[j] = storedEdit{Start: d.int32(), End: d.int32(), New: d.str()}
				}
			}
		}
		if d.err != nil {
			return nil, d.err
		}
		entries[name] = e
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errCorrupt
	}
	return entries, nil
}
