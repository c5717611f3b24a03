a = '\x00\x41\x7f\xff\xFF\xaB'
b = '\u0000\u00e9\u20ac\uFFFF\uabCD'
c = '\U00000041\U0001F600\U0010FFFF\U0001f4a9'
d = '\u2028\u2029\x85'
