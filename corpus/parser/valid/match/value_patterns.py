match x:
    case Color.RED:
        pass
    case mod.Color.GREEN:
        pass
    case a.b.c.d.e:
        pass
