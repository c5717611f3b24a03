# coding=utf8
x = 'café'
