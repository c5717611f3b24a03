café = 1
naïve = 2
π = 3.14159
Δx = 0.1
変数 = "japanese"
переменная = "russian"
μεταβλητή = "greek"
متغير = "arabic"
변수 = "korean"
_ñ = 4
ŝ = 5
def función(αργ, *βs, **κw): return αργ
class Ünïcödé: pass
ℕ = 6
print(café, naïve, π, Δx, 変数)
