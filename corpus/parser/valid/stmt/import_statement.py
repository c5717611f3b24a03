import os
import os.path
import a.b.c.d
import os as operating_system
import os.path as osp
import os, sys
import os as o, sys as s, a.b as ab
import __future__
