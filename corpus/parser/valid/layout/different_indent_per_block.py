if a:
  x = 1
if b:
        y = 2
if c:
	z = 3
