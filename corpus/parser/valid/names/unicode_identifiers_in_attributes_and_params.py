class Ⅽ:
    def ﬁnd(self, ℌ=1, *, ẞ=2):
        return self.ﬁnd, ℌ, ẞ
obj = Ⅽ()
obj.ℌello = 1
f(ℌ=1, ﬁ=2)
import ﬁle
from ℌ import ﬀ as 𝔞
