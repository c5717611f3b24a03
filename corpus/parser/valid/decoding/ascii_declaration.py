# coding: ascii
x = 'plain ascii'
