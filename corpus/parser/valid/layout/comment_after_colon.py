if x:  # comment
    pass
else:# no space
    pass
