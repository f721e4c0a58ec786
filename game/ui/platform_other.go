//go:build !(js && wasm)

package ui

// inBrowser: this build runs in a web page (see platform_js.go).
const inBrowser = false
