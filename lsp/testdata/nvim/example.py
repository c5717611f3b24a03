import threading

sessions = {}


def expire():
    if "café 😀" in sessions: del sessions["café 😀"]


workers = [threading.Thread(target=expire) for _ in range(4)]
