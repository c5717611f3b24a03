def f():
    raise
    raise ValueError
    raise ValueError("message")
    raise ValueError("message") from None
    raise ValueError("message") from err
    raise (ValueError)
    raise make_error() from cause()
