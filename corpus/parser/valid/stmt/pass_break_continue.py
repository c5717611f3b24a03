pass
for i in range(10):
    if i == 1:
        continue
    if i == 5:
        break
    pass
while True:
    break
else:
    pass
