# A module in an older style: explicit continuations, % formatting,
# nested functions and closures.
import os, sys
from os.path import join, \
    exists

DEFAULTS = {'verbose': False,
            'paths': ['/usr/lib',
                      '/usr/local/lib'],
            }


def find(name, paths=None, verbose=DEFAULTS['verbose']):
    if paths is None: paths = DEFAULTS['paths']
    found = []
    def visit(path, depth=0):
        if depth > 3: return
        candidate = join(path, name)
        if exists(candidate) and \
           os.access(candidate, os.R_OK):
            found.append(candidate)
        elif verbose:
            sys.stderr.write('%s: not found in %s\n' % (name, path))
    for p in paths: visit(p)
    return found and found[0] or None


class Config(object):
    __slots__ = ('name', 'value')

    def __init__(self, name, value=None):
        self.name, self.value = name, value

    def __repr__(self):
        return '%s(%r, %r)' % (self.__class__.__name__, self.name, self.value)

    def __eq__(self, other):
        return (isinstance(other, Config)
                and self.name == other.name
                and self.value == other.value)

    __hash__ = None


try:
    import json
except ImportError:
    json = None
else:
    pass
finally:
    del os
