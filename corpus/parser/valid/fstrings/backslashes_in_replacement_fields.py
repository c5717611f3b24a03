words = ["a", "b"]
a = f"{'\n'.join(words)}"
b = f'{"\t"}'
c = f"{'\\'}"
d = f"{'\N{EM DASH}'}"
e = f'{"\x41\u0042"}'
g = f'\n{words}\t'
h = f'{words}\\'
i = f'\{{'
j = f'\N{EM DASH}{words}'
k = f'abc\
def'
