package quiz

import (
	"math"

	"gutskin/game/pack"
)

// The estimate's scale: the slider shows a value as a position from 0 (the
// range's minimum) to 1 (its maximum), evenly or, on a log scale, so that
// each equal move multiplies the value. EstimateCredit reads the same scale.

// EstimateFrac is the slider position of value v, 0-1 for values in range.
func EstimateFrac(e *pack.EstimateSpec, v float64) float64 {
	if e.Scale == pack.Log {
		return (math.Log10(math.Max(v, e.Min)) - math.Log10(e.Min)) / (math.Log10(e.Max) - math.Log10(e.Min))
	}
	return (v - e.Min) / (e.Max - e.Min)
}

// EstimateAt is the value at slider position f (0-1).
func EstimateAt(e *pack.EstimateSpec, f float64) float64 {
	if e.Scale == pack.Log {
		return math.Pow(10, math.Log10(e.Min)+f*(math.Log10(e.Max)-math.Log10(e.Min)))
	}
	return e.Min + f*(e.Max-e.Min)
}

// Snap rounds a value to the slider's step, or to 2 significant digits on a
// log scale, or to a hundredth of the range's magnitude, inside the range.
func Snap(e *pack.EstimateSpec, v float64) float64 {
	switch {
	case e.Step > 0:
		v = e.Min + math.Round((v-e.Min)/e.Step)*e.Step
	case e.Scale == pack.Log:
		mag := math.Pow(10, math.Floor(math.Log10(v))-1)
		v = math.Round(v/mag) * mag
	default:
		mag := math.Pow(10, math.Floor(math.Log10(e.Max-e.Min))-2)
		v = math.Round(v/mag) * mag
	}
	return clampTo(e, v)
}

// Nudge moves a value by a share of the slider's range (negative: down),
// and always by at least one step of the slider's precision, so that no key
// press is lost to rounding.
func Nudge(e *pack.EstimateSpec, v, share float64) float64 {
	f := math.Max(0, math.Min(1, EstimateFrac(e, v)+share))
	nv := Snap(e, EstimateAt(e, f))
	if nv != v || f == 0 || f == 1 {
		return nv
	}
	// Rounding brought it back: take the next representable value.
	for k := 2.0; k < 200 && nv == v; k++ {
		nv = Snap(e, EstimateAt(e, math.Max(0, math.Min(1, EstimateFrac(e, v)+share*k))))
	}
	return nv
}

// clampTo keeps v inside the estimate's range.
func clampTo(e *pack.EstimateSpec, v float64) float64 {
	return math.Max(e.Min, math.Min(e.Max, v))
}
