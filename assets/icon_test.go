package assets

import (
	"image/color"
	"testing"
)

func TestIcon(t *testing.T) {
	for _, n := range IconSizes {
		img := Icon(n)
		if b := img.Bounds(); b.Dx() != n || b.Dy() != n {
			t.Fatalf("icon %d is %v", n, b)
		}
		_, _, _, corner := img.At(0, 0).RGBA()
		_, _, _, centre := img.At(n/2, n/2).RGBA()
		if corner != 0 || centre != 0xffff {
			t.Errorf("icon %d: corner alpha %d (want transparent), centre alpha %d (want opaque)", n, corner, centre)
		}
		// The drawing has its three colours: the square, the gut, the skin.
		seen := map[color.NRGBA]bool{}
		for y := range n {
			for x := range n {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				if c.A == 0xff {
					seen[c] = true
				}
			}
		}
		for _, want := range []color.NRGBA{{0x2a, 0x5d, 0x8f, 0xff}, {0xf4, 0xf1, 0xea, 0xff}, {0xe8, 0x9a, 0x3c, 0xff}} {
			if n >= 32 && !seen[want] {
				t.Errorf("icon %d lacks the colour %v", n, want)
			}
		}
	}
}
