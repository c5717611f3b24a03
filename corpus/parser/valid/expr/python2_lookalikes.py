# Python 2 spellings that still parse in Python 3, with a different meaning.
print >>sys.stderr, "x"
print ("x")
exec("code")
print("a", "b"),
x = (1)
