package review

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Due lists the keys among keys whose question is due at now, most
// overdue first (earliest due time; ties by key). Keys without a memory are
// new, not due.
func Due(keys []string, mem map[string]Memory, now time.Time) []string {
	var due []string
	for _, k := range keys {
		if m, ok := mem[k]; ok && IsDue(m, now) {
			due = append(due, k)
		}
	}
	slices.SortStableFunc(due, func(a, b string) int {
		if c := mem[a].Due.Compare(mem[b].Due); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(due)
}

// Select chooses the questions of a review round of at most length
// questions (0: no limit) from keys, the questions that can be asked: the
// due ones first, most overdue first, then new ones (never reviewed) in the
// order of keys, which the caller shuffles. Questions reviewed and not due
// are left out.
func Select(keys []string, mem map[string]Memory, now time.Time, length int) []string {
	out := Due(keys, mem, now)
	seen := map[string]bool{}
	for _, k := range out {
		seen[k] = true
	}
	for _, k := range keys {
		if length > 0 && len(out) >= length {
			break
		}
		if m, ok := mem[k]; (!ok || m.New()) && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if length > 0 && len(out) > length {
		out = out[:length]
	}
	return out
}

// DayCount is how many questions fall due on one day, Days after now's day
// (0: due today or already).
type DayCount struct {
	Days, Count int
}

// Upcoming counts the reviewed questions among keys by the day they fall
// due, soonest first; everything due today or earlier counts at day 0.
func Upcoming(keys []string, mem map[string]Memory, now time.Time) []DayCount {
	by := map[int]int{}
	seen := map[string]bool{}
	for _, k := range keys {
		m, ok := mem[k]
		if !ok || m.New() || seen[k] {
			continue
		}
		seen[k] = true
		by[max(0, DaysUntil(m.Due, now))]++
	}
	var out []DayCount
	for d, n := range by {
		out = append(out, DayCount{d, n})
	}
	slices.SortFunc(out, func(a, b DayCount) int { return a.Days - b.Days })
	return out
}

// NextText says when the next reviews fall, for the end of a round: at most
// n days, as in "next: 4 tomorrow, 11 in 3 days". Questions still due today
// come first as "5 still due today". It is "" when nothing is scheduled.
func NextText(up []DayCount, n int) string {
	var parts []string
	for _, dc := range up {
		if len(parts) == n {
			break
		}
		switch dc.Days {
		case 0:
			parts = append(parts, fmt.Sprintf("%d still due today", dc.Count))
		case 1:
			parts = append(parts, fmt.Sprintf("%d tomorrow", dc.Count))
		default:
			parts = append(parts, fmt.Sprintf("%d in %d days", dc.Count, dc.Days))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "next: " + strings.Join(parts, ", ")
}
