try:
    work()
except ValueError:
    handle()
else:
    succeed()
try:
    work()
except ValueError:
    handle()
else:
    succeed()
finally:
    cleanup()
try:
    work()
except ValueError:
    handle()
finally:
    cleanup()
