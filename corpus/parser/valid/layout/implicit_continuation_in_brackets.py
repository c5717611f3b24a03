x = (1 +
     2)
y = [
    1,

    # comment
    2,
]
z = {
  "a":
        1,
}
f(a,
  b,


      c)
def g(a,
      b):
    pass
if (a and
        b):
    pass
