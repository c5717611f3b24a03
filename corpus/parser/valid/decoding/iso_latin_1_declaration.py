# coding: iso-latin-1
x = 'é'
