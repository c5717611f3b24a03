if x:
    y
    