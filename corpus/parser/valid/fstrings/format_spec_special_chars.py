import datetime
now = datetime.datetime(2024, 1, 1)
a = f'{now:%Y-%m-%d %H:%M:%S}'
b = f'{now:%%}'
c = f'{1:x}{2:o}{3:b}{4:e}{5:g}{6:%}{7:c}{8:n}'
d = f'{3.14:{"."}^{10}.{2}f}'
