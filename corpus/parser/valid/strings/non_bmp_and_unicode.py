a = '😀'
b = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'
c = 'Ελληνικά'
d = 'русский'
e = '中文字符'
f = 'عربى'
g = 'e\u0301 é'
h = '𐍈'
i = '\U0001F600' == '😀'
j = '🐍' * 3
k = """emoji in triple 🚀
second line 🌍"""
l = '\u200b zero-width space'
m = 'combining: ạ̈'
# comment with emoji 😀 and 𝔘𝔫𝔦 and 中文
