match = 1
match.attr = 2
match[0] = 3
match(x)
match (x)
match[x]
match -x
match + x
match * x
match, other = 1, 2
print(match)
match: int = 1
x = match
match.match.match()
def match(match): return match
class match: pass
import match
from match import match
import re as match
match += 1
match = match if match else match
del match
for match in x: pass
with x as match: pass
lambda match: match
f(match=match)
[match for match in match]
match()
match ()
match .x
