def one_liner(): return 1
def two_stmts(): x = 1; return x
def with_docstring():
    "doc"
def nested():
    def inner():
        def innermost():
            return 0
        return innermost
    return inner
