x: tuple[*Ts]
y: tuple[int, *Ts, str] = ()
z: Callable[[*Ts], None]
