//go:build !(js && wasm)

package save

// Browser is where the browser build keeps profiles; outside a browser
// there is none (ok false) and profiles go to a Store folder.
func Browser() (Profiles, bool) { return nil, false }
