a = b = c = 0
a = b, c = d, e = 1, 2
x = y = yield_ = f()
obj.attr = items[0] = local = compute()
