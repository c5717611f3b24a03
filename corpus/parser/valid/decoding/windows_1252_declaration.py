# coding: windows-1252
price = '12 €'
