# coding: UTF_8
x = 'café'
