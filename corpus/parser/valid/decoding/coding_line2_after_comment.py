# A module comment.
# coding: latin-1
x = 'é'
