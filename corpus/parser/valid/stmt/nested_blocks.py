def outer():
    class Inner:
        def method(self):
            for x in range(3):
                while x:
                    with ctx():
                        try:
                            if x:
                                pass
                            elif not x:
                                pass
                            else:
                                pass
                        except Exception:
                            pass
                        finally:
                            x -= 1
    return Inner
