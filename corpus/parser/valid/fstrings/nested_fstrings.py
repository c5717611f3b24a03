x = 1
a = f'{f"{x}"}'
b = f"{f'{f"{x}"}'}"
c = f'{f'{f'{f'{f'{x}'}'}'}'}'
d = f'{x:{f"{x}"}}'
e = f"{[f'{y}' for y in range(3)]}"
