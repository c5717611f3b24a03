f(match=1, case=2, type=3, _=4)
f(print=1, async_=2)
