package quiz

import (
	"math"
	"strconv"
	"strings"

	"gutskin/game/pack"
)

// FormatNumber writes a value for people, the one number format of the
// card, the feedback, the results and the classroom exports: words for big
// numbers ("38 trillion"), thousands separators ("12,500"), three
// significant digits below a thousand ("0.25"), never an exponent.
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	av := math.Abs(v)
	for _, u := range bigNumbers {
		if av >= u.n {
			return grouped(sig(v/u.n, 3)) + " " + u.name
		}
	}
	if av >= 1000 {
		return thousands(int64(math.Round(v)))
	}
	return grouped(sig(v, 3))
}

// grouped writes v plainly, with thousands separators from 1,000 on.
func grouped(v float64) string {
	if math.Abs(v) >= 1000 {
		return thousands(int64(math.Round(v)))
	}
	return plain(v)
}

// bigNumbers are the words for big numbers, largest first (short scale).
var bigNumbers = []struct {
	n    float64
	name string
}{{1e15, "quadrillion"}, {1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}}

// plain writes v without an exponent and without trailing zeros.
func plain(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// sig rounds to n significant digits.
func sig(v float64, n int) float64 {
	if v == 0 {
		return 0
	}
	mag := math.Pow(10, float64(n)-1-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*mag) / mag
}

// isYear tells a unit that names a calendar year: its values are written as
// years are ("1930", not "1,930 year").
func isYear(unit string) bool {
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "year", "ad", "ce":
		return true
	}
	return false
}

// FormatValue writes a value with its unit: "38 trillion bacteria", "12%",
// "1930" for the calendar year 1930.
func FormatValue(v float64, unit string) string {
	switch {
	case isYear(unit):
		return strconv.FormatInt(int64(math.Round(v)), 10)
	case unit == "":
		return FormatNumber(v)
	case unit == "%":
		return FormatNumber(v) + "%"
	}
	return FormatNumber(v) + " " + unit
}

// FormatTolerance says how near an estimate must be for full marks:
// "within ±5 years", "within ±2%", "within a factor of 3 either way".
func FormatTolerance(e *pack.EstimateSpec) string {
	switch {
	case e.Scale == pack.Log:
		return "within a factor of " + FormatNumber(e.Tolerance) + " either way"
	case isYear(e.Unit):
		n := int64(math.Round(e.Tolerance))
		if n == 1 {
			return "within ±1 year"
		}
		return "within ±" + strconv.FormatInt(n, 10) + " years"
	}
	return "within ±" + FormatValue(e.Tolerance, e.Unit)
}

// ParseNumber reads a typed number: digits, one point, an exponent;
// thousands separators are ignored. Infinities and NaN are not numbers.
func ParseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
