while condition():
    step()
while True:
    if done():
        break
else:
    never()
while x: x -= 1
while (
    x > 0
):
    x -= 1
else: pass
