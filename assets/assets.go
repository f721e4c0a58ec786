// Package assets holds what the game embeds besides its question packs:
// the typefaces. They are the Go fonts (BSD licence), taken from the
// golang.org/x/image module rather than copied into this repository.
package assets

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Font files (TrueType).
var (
	FontRegular = goregular.TTF
	FontBold    = gobold.TTF
)
