"""Module docstring."""


def f():
    """Function docstring."""


class C:
    """Class docstring.

    Multiple lines.
    """

    def m(self):
        r"""Raw docstring with \d."""
        'second string is an expression statement'
