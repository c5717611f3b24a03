# Keywords are recognized before NFKC normalization, so these are names
# whose normalized spelling is a keyword.
𝐢𝐟 = 1
ｆｏｒ = 2
𝗿𝗲𝘁𝘂𝗿𝗻 = 3
