//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cache

import (
	"io/fs"
	"syscall"
)

// sysStatus adds the inode, device and change time to s.
func sysStatus(fi fs.FileInfo, s *Status) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	s.Inode = uint64(st.Ino)
	s.Device = uint64(st.Dev)
	s.Ctime = ctime(st)
}
