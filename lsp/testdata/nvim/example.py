import ast

label = "café 😀"; node = ast.Num(n=1)
print(label, node)
