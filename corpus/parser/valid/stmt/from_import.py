from os import path
from os import path as p
from os import path, sep
from os import (path, sep)
from os import (path, sep,)
from os import (
    path as p,
    sep,
)
from os import *
from a.b.c import d
from . import sibling
from .. import parent
from ... import grandparent
from .... import great
from .mod import name
from ..pkg.mod import name as alias
from ...pkg import *
from .......deep import x
from __future__ import annotations
