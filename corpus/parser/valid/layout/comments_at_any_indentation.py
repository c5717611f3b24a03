def f():
# column zero
    x = 1
            # deep
  # shallow
    return x
# trailing
