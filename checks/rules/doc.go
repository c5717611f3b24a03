// Package rules holds py314's rules, one file per rule, named by code
// (ft001.go, py101.go, ...). Each file declares one exported
// *checks.Rule variable named by the code and the unexported functions it
// needs. registry_gen.go, which lists them all, is written by gen.go
// (go generate); a test fails when it is stale.
package rules

//go:generate go run gen.go
