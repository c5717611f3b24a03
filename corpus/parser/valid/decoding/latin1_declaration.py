# -*- coding: latin-1 -*-
# café in a comment
x = 'café © ÿ'
été = b'\xe9'
