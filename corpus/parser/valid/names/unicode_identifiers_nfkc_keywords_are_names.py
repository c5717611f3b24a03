# NFKC-normalized identifiers that spell keywords are still names.
𝐩𝐫𝐢𝐧𝐭 = 1
𝕞𝕒𝕥𝕔𝕙 = 2
ｃａｓｅ = 3
ｔｙｐｅ = 4
