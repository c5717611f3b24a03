def handle(command):
    match command.split():
        case [action]:
            return action
        case [action, obj]:
            return action, obj
        case ["go", direction] if direction in "nsew":
            return direction
        case _:
            return None


for event in events:
    match event:
        case Click(position=(x, y)):
            break
        case KeyPress(key_name="Q") | Quit():
            continue


match x:
    case 1:
        match y:
            case 2:
                pass
