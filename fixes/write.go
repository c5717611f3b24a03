package fixes

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/py314/py314/parser/scanner"
)

// WriteFile writes the decoded text back to the file at path, encoded as
// src describes (src.Encoding, with a UTF-8 byte order mark if src.BOM),
// the way scanner.Encode does; src is what scanner.Decode returned for the
// file, or the Encoding and BOM of its parser.File, and src.Text is not
// used. Line breaks are written as they are in text.
//
// If the file already holds exactly those bytes, WriteFile does nothing:
// the file and its modification time are left alone. Otherwise it writes a
// temporary file in the same directory, syncs it to disk, gives it the
// original file's permission bits and renames it over the original (the
// target, if path is a symbolic link), so that the file is at any moment
// either the old one or the new one. On error the original file is
// untouched and the temporary file removed. Being a new file, the result
// belongs to the user who writes it and no longer shares hard links.
func WriteFile(path string, text []byte, src scanner.Source) error {
	data, err := scanner.Encode(text, src)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	old, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	if bytes.Equal(old, data) {
		return nil
	}
	return replace(target, data, info.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
}

// replace atomically replaces the file at path with one holding data.
func replace(path string, data []byte, mode fs.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Make the rename itself durable. Some systems cannot sync a
	// directory; the file is in place all the same.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
