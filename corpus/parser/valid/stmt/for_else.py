for x in items:
    print(x)
else:
    print("done")
for x in items: print(x)
else: print("done")
