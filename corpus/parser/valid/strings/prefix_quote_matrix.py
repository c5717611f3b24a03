# Every string prefix, in every order and letter case, with every quote style.
x = 1
# plain
v = 'x', "x", '''x''', """x"""
# unicode
v = U'x', U"x", U'''x''', U"""x"""
v = u'x', u"x", u'''x''', u"""x"""
# raw
v = R'x', R"x", R'''x''', R"""x"""
v = r'x', r"x", r'''x''', r"""x"""
# bytes
v = B'x', B"x", B'''x''', B"""x"""
v = b'x', b"x", b'''x''', b"""x"""
# raw bytes
v = BR'x', BR"x", BR'''x''', BR"""x"""
v = Br'x', Br"x", Br'''x''', Br"""x"""
v = RB'x', RB"x", RB'''x''', RB"""x"""
v = Rb'x', Rb"x", Rb'''x''', Rb"""x"""
v = bR'x', bR"x", bR'''x''', bR"""x"""
v = br'x', br"x", br'''x''', br"""x"""
v = rB'x', rB"x", rB'''x''', rB"""x"""
v = rb'x', rb"x", rb'''x''', rb"""x"""
# f-string
v = F'{x}', F"{x}", F'''{x}''', F"""{x}"""
v = f'{x}', f"{x}", f'''{x}''', f"""{x}"""
# raw f-string
v = FR'{x}', FR"{x}", FR'''{x}''', FR"""{x}"""
v = Fr'{x}', Fr"{x}", Fr'''{x}''', Fr"""{x}"""
v = RF'{x}', RF"{x}", RF'''{x}''', RF"""{x}"""
v = Rf'{x}', Rf"{x}", Rf'''{x}''', Rf"""{x}"""
v = fR'{x}', fR"{x}", fR'''{x}''', fR"""{x}"""
v = fr'{x}', fr"{x}", fr'''{x}''', fr"""{x}"""
v = rF'{x}', rF"{x}", rF'''{x}''', rF"""{x}"""
v = rf'{x}', rf"{x}", rf'''{x}''', rf"""{x}"""
# t-string
v = T'{x}', T"{x}", T'''{x}''', T"""{x}"""
v = t'{x}', t"{x}", t'''{x}''', t"""{x}"""
# raw t-string
v = RT'{x}', RT"{x}", RT'''{x}''', RT"""{x}"""
v = Rt'{x}', Rt"{x}", Rt'''{x}''', Rt"""{x}"""
v = TR'{x}', TR"{x}", TR'''{x}''', TR"""{x}"""
v = Tr'{x}', Tr"{x}", Tr'''{x}''', Tr"""{x}"""
v = rT'{x}', rT"{x}", rT'''{x}''', rT"""{x}"""
v = rt'{x}', rt"{x}", rt'''{x}''', rt"""{x}"""
v = tR'{x}', tR"{x}", tR'''{x}''', tR"""{x}"""
v = tr'{x}', tr"{x}", tr'''{x}''', tr"""{x}"""
