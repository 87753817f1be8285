module examples

go 1.19
