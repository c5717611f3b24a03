a = '\\'
b = '\''
c = '\"'
d = '\a\b\f\n\r\t\v'
e = "line1\nline2"
f = 'tab\there'
g = 'nul\0byte'
