x = 1
a = t'''line one {x}
line two'''
b = t"""{
    x  # comment
}"""
c = t'{x
}'
