// Package questions embeds the question packs shipped with the game: every
// *.toml file of this folder. The authoring guide is README.md beside them.
package questions

import "embed"

// FS holds the shipped packs at its root.
//
//go:embed *.toml
var FS embed.FS
