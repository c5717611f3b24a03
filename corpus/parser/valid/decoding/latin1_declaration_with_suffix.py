# coding: latin-1-unix
x = 'é'
