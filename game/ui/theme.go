package ui

import (
	"image/color"

	"gutskin/game/pack"
)

// Theme is one coherent palette. Right and wrong use the Okabe-Ito blue and
// vermillion, which stay distinct under the common forms of colour blindness,
// and are never shown without an icon and a word.
type Theme struct {
	Name       string
	Background color.RGBA
	Card       color.RGBA
	CardBorder color.RGBA
	Text       color.RGBA
	Muted      color.RGBA // secondary text
	Button     color.RGBA
	ButtonHi   color.RGBA // hover
	ButtonText color.RGBA
	Focus      color.RGBA // focus ring
	Selected   color.RGBA
	Accent     color.RGBA
	Right      color.RGBA
	Wrong      color.RGBA
	Partial    color.RGBA
	Disabled   color.RGBA
	// Mastery runs from Mastery0 (nothing mastered) to Mastery1 (all).
	Mastery0, Mastery1 color.RGBA
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// Themes are the selectable themes, by settings name.
var Themes = map[string]*Theme{
	"dark": {
		Name: "Dark", Background: rgb(0x14181f), Card: rgb(0x1f2530), CardBorder: rgb(0x394252),
		Text: rgb(0xf2f4f7), Muted: rgb(0xaab3c2), Button: rgb(0x2b3342), ButtonHi: rgb(0x3a4558), ButtonText: rgb(0xf2f4f7),
		Focus: rgb(0xf0e442), Selected: rgb(0x3d5a80), Accent: rgb(0x56b4e9),
		Right: rgb(0x2f8fd8), Wrong: rgb(0xe0662a), Partial: rgb(0xc79a1e), Disabled: rgb(0x5b6372),
		Mastery0: rgb(0x3a4252), Mastery1: rgb(0x2f9e78),
	},
	"light": {
		Name: "Light", Background: rgb(0xeef1f5), Card: rgb(0xffffff), CardBorder: rgb(0xc5ccd8),
		Text: rgb(0x141820), Muted: rgb(0x4a5363), Button: rgb(0xe1e6ee), ButtonHi: rgb(0xcfd7e4), ButtonText: rgb(0x141820),
		Focus: rgb(0x8a3ffc), Selected: rgb(0xb9d3f0), Accent: rgb(0x0072b2),
		Right: rgb(0x0065a8), Wrong: rgb(0xc04a0e), Partial: rgb(0x8a6a00), Disabled: rgb(0x9aa3b2),
		Mastery0: rgb(0xd5dbe5), Mastery1: rgb(0x1f8a66),
	},
	"contrast": {
		Name: "High contrast", Background: rgb(0x000000), Card: rgb(0x000000), CardBorder: rgb(0xffffff),
		Text: rgb(0xffffff), Muted: rgb(0xffffff), Button: rgb(0x000000), ButtonHi: rgb(0x333333), ButtonText: rgb(0xffffff),
		Focus: rgb(0xffff00), Selected: rgb(0x0050a0), Accent: rgb(0x00ffff),
		Right: rgb(0x3ea8ff), Wrong: rgb(0xff7a33), Partial: rgb(0xffd400), Disabled: rgb(0x8c8c8c),
		Mastery0: rgb(0x202020), Mastery1: rgb(0x00a070),
	},
}

// ThemeOrder is the order themes are offered in.
var ThemeOrder = []string{"dark", "light", "contrast"}

// themeFor returns the named theme, or the dark one.
func themeFor(name string) *Theme {
	if t, ok := Themes[name]; ok {
		return t
	}
	return Themes["dark"]
}

// mix blends two colours; t=0 gives a, t=1 gives b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	t = max(0, min(1, t))
	l := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}

// evidenceColor is the badge colour of an evidence level.
func (t *Theme) evidenceColor(e pack.Evidence) color.RGBA {
	switch e {
	case pack.Established:
		return rgb(0x2f9e78)
	case pack.HumanStudies:
		return rgb(0x2f7fc0)
	case pack.Early:
		return rgb(0xa36bb0)
	case pack.Contested:
		return rgb(0xb8741a)
	}
	return t.Disabled
}
