a = 1; b = 2; c = 3
a = 1;
import os; import sys
pass; pass
if x: a; b; c
if x: a; b;
def f(): x = 1; return x
