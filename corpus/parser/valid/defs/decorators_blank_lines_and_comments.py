@decorator

# A comment between the decorator and the function.

def f():
    pass


@first
# comment
@second
class C:
    pass
