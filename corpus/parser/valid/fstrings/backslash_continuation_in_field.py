value = 1
x = f"{value \
}"
y = f"{value + \
       1}"
