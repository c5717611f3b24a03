try:
    work()
finally:
    cleanup()
try: work()
finally: cleanup()
