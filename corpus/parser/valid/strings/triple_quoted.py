a = '''triple single'''
b = """triple double"""
c = """spans
multiple
lines"""
d = '''contains ' and '' and " and ""'''
e = """contains " and "" and ' and ''"""
f = """"""
g = ''''''
h = """ends with escaped quote\""""
i = """
"""
j = """backslash-newline \
continues"""
k = '''\
'''
