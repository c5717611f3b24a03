#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Produce a text report; exercises strings and formatting."""
import sys
import textwrap

HEADER = """\
Name        Score
----------  -----
"""
ROW = "{name:<10}  {score:>5.1f}"
SEP = '-' * 17


def render(rows, *, width=40, out=sys.stdout):
    print(HEADER, end="", file=out)
    for name, score in rows:
        line = f"{name:<10}  {score:>5.1f}"
        assert line == ROW.format(name=name, score=score), line
        print(line, file=out)
    total = sum(score for _, score in rows)
    print(SEP, f"{'total':<10}  {total:>5.1f}", sep="\n", file=out)
    note = textwrap.fill(
        "This report was generated automatically; "
        'values are rounded to one decimal place. '
        f"There were {len(rows)} rows "
        rf"and the pattern was {r'\d+'!r}.",
        width=width,
    )
    print(note, file=out)
    print(f"{'✓' if total else '✗'} done — {len(rows)=}", file=out)


if __name__ == "__main__":
    render([("alice", 9.5), ("bob", 7.25), ("ünïcode", 3)])
