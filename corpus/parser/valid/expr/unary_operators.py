-x
+x
~x
not x
--x
-+-x
~-~x
not not x
-1
- 1
+1.5
-(-x)
not -x
-x ** 2
(-x) ** 2
