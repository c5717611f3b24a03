try:
    pass
except:
    pass
try:
    pass
except ValueError:
    pass
try:
    pass
except ValueError as e:
    pass
try:
    pass
except (ValueError, TypeError):
    pass
except (KeyError, IndexError) as e:
    pass
except Exception as e:
    raise RuntimeError() from e
except:
    raise
try: pass
except ValueError: pass
except: pass
