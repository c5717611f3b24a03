match x:
    case 0:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case -1.5e3:
        pass
    case 1j:
        pass
    case -2j:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 0x10:
        pass
    case "str":
        pass
    case b"bytes":
        pass
    case "implicit" "concat":
        pass
    case r"raw\d":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
