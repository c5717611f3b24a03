# Non-ASCII UTF-8 text with no declaration.
nom = 'café — 日本'
été = 1
