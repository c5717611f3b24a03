// Package files finds the Python files to check under the paths a user
// names.
//
// Discover walks directories in parallel and collects .py and .pyi files.
// Inside a Git working tree it honours .gitignore files at every level and
// .git/info/exclude, as Git does; outside one, .gitignore files are not
// read. It never enters .git directories, and leaves out what an
// exclusion predicate (by default DefaultExcluded) excludes. Symbolic
// links are followed; a link back to a directory being walked is not.
package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Options control Discover.
type Options struct {
	// Exclude, when not nil, decides whether a file or directory met
	// while walking is left out; a directory left out is not entered. It
	// receives the absolute, clean path. It replaces DefaultExcluded, and
	// is called from several goroutines at once. An error is reported
	// for the path, which is then left out.
	Exclude func(path string, isDir bool) (bool, error)

	// ForceExclude applies the exclusions (Exclude and .gitignore files)
	// to the paths given to Discover too, and to the directories above
	// them: up to the working directory for paths inside it, else just
	// the path itself for Exclude, and up to the repository's top for
	// .gitignore files. Without it, a named path is always checked.
	ForceExclude bool

	// Workers bounds the directories read at once; 0 means GOMAXPROCS.
	Workers int
}

// DefaultExcluded reports whether a file or directory with the base name
// name is left out when Options.Exclude is nil: virtual environments,
// version control and tool caches, build output.
func DefaultExcluded(name string) bool {
	switch name {
	case ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__",
		"node_modules", "build", "dist", "site-packages", ".mypy_cache",
		".pytest_cache", ".ruff_cache", ".eggs", "_build", "buck-out",
		".direnv", "__pypackages__":
		return true
	}
	return strings.HasSuffix(name, ".egg-info")
}

// ErrorList is the errors of a Discover call, one per path that could not
// be read or judged, sorted by message.
type ErrorList []error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error { return l }

// Discover returns the Python files to check under paths, sorted and
// without duplicates. A path that names a file is returned as it is
// (cleaned), whatever its extension; a directory is walked for .py and
// .pyi files, which are returned joined to it, so that relative paths stay
// relative.
//
// Discover does not stop at a path it cannot read: it returns the files it
// found together with an ErrorList holding an error for each such path
// (typically an *fs.PathError naming the path as it would be returned).
func Discover(paths []string, opts Options) ([]string, error) {
	w := &walker{opts: opts, exclude: opts.Exclude, ignoreFiles: map[string]*ignoreFile{}, tops: map[string]string{}}
	if w.exclude == nil {
		w.exclude = func(path string, _ bool) (bool, error) { return DefaultExcluded(filepath.Base(path)), nil }
	}
	w.cond.L = &w.mu
	if opts.ForceExclude {
		cwd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		w.cwd = cwd
	}
	for _, p := range paths {
		w.addRoot(p)
	}
	n := opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.work()
		}()
	}
	wg.Wait()

	slices.Sort(w.files)
	files := slices.Compact(w.files)
	if len(w.errs) == 0 {
		return files, nil
	}
	slices.SortFunc(w.errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	errs := slices.CompactFunc(w.errs, func(a, b error) bool { return a.Error() == b.Error() })
	return files, ErrorList(errs)
}

// walker is the state of one Discover call.
type walker struct {
	opts    Options
	exclude func(path string, isDir bool) (bool, error)
	cwd     string // with ForceExclude

	// ignoreFiles and tops cache what is read above the paths given;
	// they are used before the walk starts only.
	ignoreFiles map[string]*ignoreFile
	tops        map[string]string // repository tops by directory; "" for none

	mu     sync.Mutex
	cond   sync.Cond // signals a change of queue or active
	queue  []*dirJob
	active int // jobs being worked on
	files  []string
	errs   []error
}

// dirJob is a directory to read.
type dirJob struct {
	path    string       // as returned
	abs     string       // absolute and clean
	chain   *ignoreChain // the ignore files of the directories above
	inRepo  bool         // inside a Git working tree
	parents *visited     // the directories above, for loop detection
}

// visited is a directory being walked, with those above it.
type visited struct {
	fi     fs.FileInfo
	parent *visited
}

// addRoot adds one of the paths given to Discover.
func (w *walker) addRoot(p string) {
	disp := filepath.Clean(p)
	abs, err := filepath.Abs(disp)
	if err != nil {
		w.errs = append(w.errs, &fs.PathError{Op: "stat", Path: p, Err: err})
		return
	}
	fi, err := os.Stat(abs)
	if err != nil {
		w.errs = append(w.errs, &fs.PathError{Op: "stat", Path: p, Err: underlying(err)})
		return
	}
	if w.opts.ForceExclude {
		ex, err := w.forceExcluded(abs, fi.IsDir())
		if err != nil {
			w.errs = append(w.errs, err)
			return
		}
		if ex {
			return
		}
	}
	if !fi.IsDir() {
		w.files = append(w.files, disp)
		return
	}
	chain, inRepo := w.ancestry(abs)
	w.queue = append(w.queue, &dirJob{path: disp, abs: abs, chain: chain, inRepo: inRepo})
}

// ancestry returns the ignore files that apply to the entry abs of its
// parent directory, and whether abs is inside a Git working tree: the
// info/exclude file of the nearest repository above abs and the
// .gitignore files from its top down to abs's parent.
func (w *walker) ancestry(abs string) (*ignoreChain, bool) {
	top, ok := w.repoTop(filepath.Dir(abs))
	if !ok {
		return nil, false
	}
	var dirs []string // from abs's parent up to the repository's top
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == top {
			break
		}
	}
	chain := (*ignoreChain)(nil).push(w.cachedIgnore(top, gitDirFile(top, "info", "exclude")))
	for i := len(dirs) - 1; i >= 0; i-- {
		chain = chain.push(w.cachedIgnore(dirs[i], filepath.Join(dirs[i], ".gitignore")))
	}
	return chain, true
}

// repoTop returns the top of the Git working tree that holds the absolute
// directory dir: the nearest directory, dir included, with a .git entry.
func (w *walker) repoTop(dir string) (string, bool) {
	if top, ok := w.tops[dir]; ok {
		return top, top != ""
	}
	top := ""
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		top = dir
	} else if up := filepath.Dir(dir); up != dir {
		top, _ = w.repoTop(up)
	}
	w.tops[dir] = top
	return top, top != ""
}

// cachedIgnore reads an ignore file once per Discover call.
func (w *walker) cachedIgnore(dir, path string) *ignoreFile {
	if f, ok := w.ignoreFiles[path]; ok {
		return f
	}
	f := readIgnore(dir, path)
	w.ignoreFiles[path] = f
	return f
}

// gitDirFile returns the path of a file in the Git directory of the
// working tree top: top/.git, or the directory a .git file points to.
func gitDirFile(top string, elem ...string) string {
	gitDir := filepath.Join(top, ".git")
	if fi, err := os.Stat(gitDir); err == nil && !fi.IsDir() {
		if data, err := os.ReadFile(gitDir); err == nil {
			if d, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:"); ok {
				d = strings.TrimSpace(d)
				if !filepath.IsAbs(d) {
					d = filepath.Join(top, d)
				}
				gitDir = d
			}
		}
	}
	return filepath.Join(append([]string{gitDir}, elem...)...)
}

// forceExcluded reports whether the path abs, given to Discover, or a
// directory above it is excluded, for ForceExclude.
func (w *walker) forceExcluded(abs string, isDir bool) (bool, error) {
	base := filepath.Dir(abs)
	if _, ok := below(w.cwd, abs); ok || abs == w.cwd {
		base = w.cwd
	}
	// levels lists abs and the directories above it, top first.
	var levels []string
	for d := abs; ; {
		levels = append(levels, d)
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	slices.Reverse(levels)
	for i, p := range levels {
		pIsDir := isDir || i < len(levels)-1
		if chain, inRepo := w.ancestry(p); inRepo && chain.ignored(p, pIsDir) {
			return true, nil
		}
		if _, ok := below(base, p); !ok {
			continue
		}
		ex, err := w.exclude(p, pIsDir)
		if err != nil || ex {
			return ex, err
		}
	}
	return false, nil
}

// work runs jobs until none is queued or running.
func (w *walker) work() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for len(w.queue) == 0 && w.active > 0 {
			w.cond.Wait()
		}
		if len(w.queue) == 0 {
			return
		}
		job := w.queue[len(w.queue)-1]
		w.queue = w.queue[:len(w.queue)-1]
		w.active++
		w.mu.Unlock()
		files, dirs, errs := w.readDir(job)
		w.mu.Lock()
		w.files = append(w.files, files...)
		w.queue = append(w.queue, dirs...)
		w.errs = append(w.errs, errs...)
		w.active--
		w.cond.Broadcast()
	}
}

// readDir reads one directory and returns the files to check in it, the
// directories to walk next and the errors met.
func (w *walker) readDir(job *dirJob) (files []string, dirs []*dirJob, errs []error) {
	fi, err := os.Stat(job.abs)
	if err != nil {
		return nil, nil, []error{&fs.PathError{Op: "stat", Path: job.path, Err: underlying(err)}}
	}
	for v := job.parents; v != nil; v = v.parent {
		if os.SameFile(v.fi, fi) {
			return nil, nil, nil // a link back up: already being walked
		}
	}
	entries, err := os.ReadDir(job.abs)
	if err != nil {
		errs = append(errs, &fs.PathError{Op: "open", Path: job.path, Err: underlying(err)})
	}

	chain, inRepo := job.chain, job.inRepo
	for _, e := range entries {
		if e.Name() == ".git" {
			// The top of a working tree: the ignore files of an
			// enclosing one do not apply.
			chain, inRepo = (*ignoreChain)(nil).push(readIgnore(job.abs, gitDirFile(job.abs, "info", "exclude"))), true
			break
		}
	}
	if inRepo {
		chain = chain.push(readIgnore(job.abs, filepath.Join(job.abs, ".gitignore")))
	}

	here := &visited{fi: fi, parent: job.parents}
	for _, e := range entries {
		name := e.Name()
		if name == ".git" {
			continue
		}
		abs := filepath.Join(job.abs, name)
		isDir, isFile := e.IsDir(), e.Type().IsRegular()
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := os.Stat(abs)
			if err != nil {
				continue // a dangling link
			}
			isDir, isFile = target.IsDir(), target.Mode().IsRegular()
		}
		if !isDir && !(isFile && (strings.HasSuffix(name, ".py") || strings.HasSuffix(name, ".pyi"))) {
			continue
		}
		if inRepo && chain.ignored(abs, isDir) {
			continue
		}
		path := filepath.Join(job.path, name)
		ex, err := w.exclude(abs, isDir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ex {
			continue
		}
		if isDir {
			dirs = append(dirs, &dirJob{path: path, abs: abs, chain: chain, inRepo: inRepo, parents: here})
		} else {
			files = append(files, path)
		}
	}
	return files, dirs, errs
}

// underlying returns the error inside an *fs.PathError, so that the path
// can be named as the user gave it.
func underlying(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
