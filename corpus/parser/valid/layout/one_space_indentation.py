if a:
 b = 1
 if b:
  c = 2
