match = case = type = _ = 0
match.case.type._ = 1
def f(match, case, type, _, /, *args, **kwargs): pass
def g(*, match=1, case=2, type=3, _=4): pass
lambda match, case, type, _: (match, case, type, _)
f(match=1, case=2, type=3, _=4)
class match(case, type, _): pass
import match, case, type, _
import match as case, type as _
from match import case as type, _
from case import (match, type)
[match for case in type if _]
{match: case for type, _ in pairs}
global match, case, type, _
for match, case in type: pass
with match as case, type as _: pass
try:
    pass
except match as case:
    pass
x = match if case else type
y = match[case:type:_]
z = match(case)(type)[_]
match.attr, case[0], type.x = 1, 2, 3
@match
@case.type
@_
def decorated(): pass
del match, case, type, _
print(match, case, type, _, sep=_)
