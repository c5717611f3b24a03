x = 'café'
y = '😀'
