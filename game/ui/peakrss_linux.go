package ui

import "syscall"

// peakRSS is the most resident memory the process has had, in bytes (0 when
// unknown). Linux reports ru_maxrss in kilobytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return int64(ru.Maxrss) * 1024
}
