x = 'café'
y = 2
