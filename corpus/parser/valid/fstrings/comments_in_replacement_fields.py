x = 1
a = f'''{
    x  # a comment inside the field
}'''
b = f"{x # comment
}"
c = f"""{
    x  # first
    +  # second
    1  # third
}"""
