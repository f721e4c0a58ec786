//go:build js && wasm

package ui

// inBrowser: this build runs in a web page, which has no Quit (the tab is
// closed) and no folder for screenshots.
const inBrowser = true
