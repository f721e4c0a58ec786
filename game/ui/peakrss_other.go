//go:build !linux

package ui

// peakRSS is the most resident memory the process has had (0: not measured
// on this system).
func peakRSS() int64 { return 0 }
