"""Command interpreter using structural pattern matching."""
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def run(command: str | list | dict | Point) -> str:
    match command:
        case "quit" | "exit":
            return "bye"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["drop", *objects] if objects:
            return "dropping " + ", ".join(objects)
        case {"action": "move", "to": Point(x=0, y=0)}:
            return "home"
        case {"action": str(action), **rest}:
            return f"{action} with {len(rest)} options"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return "diagonal"
        case [Point(x=x1), Point(x=x2), *_] as points if x1 < x2:
            return f"{len(points)} points, increasing"
        case int() | float() as number if number < 0:
            return "negative"
        case _:
            return "unknown"


match = {"case": "type"}
case = match["case"]
type = case
print(run("quit"), match, case, type)
