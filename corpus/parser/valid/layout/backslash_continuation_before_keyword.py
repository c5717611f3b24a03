x = a if b \
    else c
for i \
 in y:
    pass
