module github.com/py314/py314

go 1.26
