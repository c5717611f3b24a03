try:
    pass
except ValueError, TypeError:
    pass
try:
    pass
except ValueError, TypeError, KeyError:
    pass
except OSError:
    pass
try:
    pass
except* ValueError, TypeError:
    pass
try:
    pass
except mod.Error, other.Error:
    pass
