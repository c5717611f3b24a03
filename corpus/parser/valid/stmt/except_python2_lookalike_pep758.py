# Python 2's "except E, name:" parses under PEP 758 as catching either E or name.
try:
    pass
except (ValueError, TypeError), e:
    pass
try:
    pass
except Exception, e:
    pass
