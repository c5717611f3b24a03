if x: pass
while x: break
for x in y: continue
with x: pass
try: pass
except: pass
def f(): return 1
class C: pass
class D: x = 1; y = 2
async def g(): await x
