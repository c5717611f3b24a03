{}
{1: 2}
{1: 2,}
{"a": 1, "b": 2}
{**a}
{**a, **b}
{"a": 1, **b, "c": 3}
{**{"x": 1}}
{a: b for a, b in c}
{(1, 2): [3, 4]}
{x: (y := 1)}
{(x := 1): 2}
{lambda: 0: lambda: 1}
{a if b else c: d}
{
    "key": "value",
    **other,
}
