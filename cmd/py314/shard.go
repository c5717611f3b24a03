package main

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strconv"
	"strings"
)

// A shard is part K of N of a set of files, as --shard K/N names it. The
// zero shard (N == 0) is the whole set.
type shard struct{ k, n int }

// parseShard parses "K/N" with 1 <= K <= N.
func parseShard(s string) (shard, error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, errK := strconv.Atoi(ks)
	n, errN := strconv.Atoi(ns)
	if !ok || errK != nil || errN != nil || n < 1 || k < 1 || k > n {
		return shard{}, fmt.Errorf("--shard %q: want K/N with 1 <= K <= N, as in 2/4", s)
	}
	return shard{k, n}, nil
}

// String returns "K/N".
func (s shard) String() string { return fmt.Sprintf("%d/%d", s.k, s.n) }

// holds reports whether the file at path belongs to the shard. A file's
// shard depends only on its path relative to the working directory cwd
// (slash-separated; absolute if the file is outside cwd) and on N: the
// same file lands in the same shard whichever other files exist, so every
// job of a CI matrix agrees on the split without talking to the others,
// and a file stays in its shard from one commit to the next.
func (s shard) holds(cwd, path string) bool {
	if s.n <= 1 {
		return true
	}
	key := path
	if !filepath.IsAbs(key) {
		key = filepath.Join(cwd, key)
	}
	if rel, err := filepath.Rel(cwd, key); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		key = rel
	}
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(key))))
	return int(h.Sum64()%uint64(s.n)) == s.k-1
}

// filter returns the paths that belong to the shard, in their order.
func (s shard) filter(cwd string, paths []string) []string {
	if s.n <= 1 {
		return paths
	}
	var out []string
	for _, p := range paths {
		if s.holds(cwd, p) {
			out = append(out, p)
		}
	}
	return out
}
