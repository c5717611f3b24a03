# first comment
# second comment

    # indented comment
	# tab-indented comment
