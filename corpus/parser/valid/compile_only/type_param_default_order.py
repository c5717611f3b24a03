def f[T = int, U](): pass
class C[*Ts = int]: pass
