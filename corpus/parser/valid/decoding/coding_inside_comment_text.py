# This file uses coding: latin-1 for historical reasons
x = 'é'
