package files

import (
	"fmt"
	"testing"
)

// BenchmarkDiscover walks a Git working tree of 50 packages of 10
// directories of 20 files, with .gitignore files at two levels.
func BenchmarkDiscover(b *testing.B) {
	root := b.TempDir()
	tree := map[string]string{
		".git/HEAD":  "",
		".gitignore": "*_pb2.py\n/build/\n!keep_pb2.py\n",
	}
	for p := range 50 {
		tree[fmt.Sprintf("pkg%d/.gitignore", p)] = "gen_*.py\n"
		for d := range 10 {
			for f := range 20 {
				tree[fmt.Sprintf("pkg%d/sub%d/mod%d.py", p, d, f)] = ""
			}
		}
	}
	makeTree(b, root, tree)
	for _, workers := range []int{1, 0} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				got, err := Discover([]string{root}, Options{Workers: workers})
				if err != nil || len(got) != 50*10*20 {
					b.Fatalf("%d files, %v", len(got), err)
				}
			}
		})
	}
}
