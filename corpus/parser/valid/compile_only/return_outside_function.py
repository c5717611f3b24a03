# Rejected by the compiler, accepted by the parser.
return 1
