package pack

// The schema: which keys each table may hold, and a did-you-mean for the
// ones it may not.

import (
	"fmt"
	"sort"
	"strings"
)

// keySet is the set of keys a table may hold.
type keySet []string

func (k keySet) has(key string) bool {
	for _, s := range k {
		if s == key {
			return true
		}
	}
	return false
}

var (
	packKeys     = keySet{"id", "title", "mechanism", "version", "language", "authors", "licence", "last_reviewed", "questions"}
	questionKeys = keySet{"id", "type", "prompt", "difficulty", "explanation", "evidence", "checked", "sources", "tags", "image", "time_limit",
		"choices", "answer", "rationale_true", "rationale_false", "misconception", "steps", "pairs", "distractors", "estimate"}
	choiceKeys   = keySet{"text", "correct", "rationale", "misconception"}
	pairKeys     = keySet{"left", "right", "rationale"}
	sourceKeys   = keySet{"citation", "doi", "pmid", "url", "design", "finding"}
	estimateKeys = keySet{"answer", "min", "max", "unit", "scale", "tolerance", "step"}
	// typeKeys are the question keys that belong to one type only.
	typeKeys = map[string][]Type{
		"choices":         {Single, Multi},
		"answer":          {TrueFalse},
		"rationale_true":  {TrueFalse},
		"rationale_false": {TrueFalse},
		"misconception":   {TrueFalse},
		"steps":           {Order},
		"pairs":           {Match},
		"distractors":     {Match},
		"estimate":        {Estimate},
	}
)

// unknownKeys reports every key of m that is not in allowed; where names
// the table for the message ("" at the top of the file).
func (d *decoder) unknownKeys(m map[string]any, path string, allowed keySet, where string) {
	var bad []string
	for k := range m {
		if !allowed.has(k) {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad)
	for _, k := range bad {
		if len(d.diags) >= MaxDiagnostics { // no room: count, do not compose
			d.omitted.count(Error)
			continue
		}
		msg := fmt.Sprintf("unknown key %q", k)
		if where != "" {
			msg += " in " + where
		}
		if s := suggest(k, allowed); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else if s := suggest(k, questionKeys); s != "" && where != "a question" && where != "" {
			// A question's key written after one of its [[...]] sub-tables
			// lands in that table: a common TOML slip.
			msg += fmt.Sprintf(" (%q is a question key: write it above the question's first [[questions.…]] table)", s)
		}
		d.errorf(join(path, k), "%s", msg)
	}
}

// suggest finds the allowed key closest to a misspelt one, if any is close.
func suggest(key string, allowed keySet) string {
	best, bestDist := "", 3
	for _, a := range allowed {
		if dist := editDistance(strings.ToLower(key), a); dist < bestDist || dist == bestDist && best == "" && dist <= len(a)/3 {
			if dist <= max(1, len(a)/3) {
				best, bestDist = a, dist
			}
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
