x = """multi
line"""