package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT010 reports module-level random functions in threaded code of a
// module that seeds the shared generator.
var FT010 = &checks.Rule{
	Code:     "FT010",
	Name:     "seeded-shared-random-in-threads",
	Summary:  "module-level `random` functions in threaded code after `random.seed()`: the threads share one generator",
	Severity: checks.Info,
	Default:  false,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkFT010,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "random") && startsThreads(p) },
	Doc: `## What it does
Reports calls of the module-level functions of ` + "`random`" + ` (` + "`random.random()`" + `,
` + "`random.randint()`" + `, ` + "`random.choice()`" + `, ` + "`random.shuffle()`" + `, ...) in code that runs on
several threads, in a module that calls ` + "`random.seed(...)`" + ` with a seed, which shows that it
expects reproducible sequences.

## Why it matters on Python 3.14
The module-level functions all draw from one hidden ` + "`random.Random`" + ` instance. With
several threads drawing from it, which thread gets which number depends on scheduling, so a
seeded run is not reproducible. With the GIL the interleaving was coarse and often looked
stable from run to run; on the free-threaded build threads draw truly in parallel and the
sequences differ every time.

## Example
` + "```python" + `
import random
import threading

random.seed(42)

def simulate(results, i):
    results[i] = [random.random() for _ in range(3)]

results = {}
threads = [threading.Thread(target=simulate, args=(results, i)) for i in range(4)]
` + "```" + `

## Use instead
` + "```python" + `
import random
import threading

def simulate(results, i):
    rng = random.Random(42 + i)  # one generator per thread
    results[i] = [rng.random() for _ in range(3)]
` + "```" + `

## Fix safety
No fix: which seed each thread should get is for you to decide.

## References
- [random: notes on reproducibility](https://docs.python.org/3.14/library/random.html#notes-on-reproducibility)
- [Python 3.14 free-threading HOWTO](https://docs.python.org/3.14/howto/free-threading-python.html)
`,
}

// sharedRandomFunctions are the module-level functions of random that
// draw from the hidden shared instance.
var sharedRandomFunctions = map[string]bool{
	"random": true, "uniform": true, "triangular": true, "randint": true, "randrange": true,
	"choice": true, "choices": true, "shuffle": true, "sample": true, "getrandbits": true,
	"randbytes": true, "gauss": true, "normalvariate": true, "lognormvariate": true,
	"expovariate": true, "vonmisesvariate": true, "gammavariate": true, "betavariate": true,
	"paretovariate": true, "weibullvariate": true, "binomialvariate": true,
}

type seedKey struct{}

func checkFT010(p *checks.Pass, n ast.Node) {
	c := n.(*ast.Call)
	// The qualified name of an attribute ends with the attribute.
	if a, ok := c.Func.(*ast.Attribute); ok && !sharedRandomFunctions[a.Attr] {
		return
	}
	q := p.Model.QualifiedName(c.Func)
	if len(q) < 8 || q[:7] != "random." || !sharedRandomFunctions[q[7:]] {
		return
	}
	t := threadsOf(p)
	e, ok := t.threaded(t.funcScope(c))
	if !ok {
		return
	}
	seed := p.Memo(seedKey{}, func() any {
		for _, info := range p.Model.Nodes {
			if s, ok := info.Node.(*ast.Call); ok && len(s.Args)+len(s.Keywords) > 0 && p.Model.MatchesQualified(s.Func, "random.seed") {
				return s
			}
		}
		return (*ast.Call)(nil)
	}).(*ast.Call)
	if seed == nil {
		return
	}
	p.Reportf(c, "`%s()` draws from the generator all threads share, so the sequence seeded at line %d depends on thread scheduling, all the more on free-threaded Python 3.14; give each thread its own `random.Random(seed)` (%s)", p.Text(c.Func), t.line(seed.Pos()), t.describe(e))
}
