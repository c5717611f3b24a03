x = 1
a = f'''line one {x}
line two {x!r:>4}
'''
b = f"""quotes " and "" inside {x}"""
c = f'''{x}''' f"""{x}"""
d = f"""{'''inner'''}"""
