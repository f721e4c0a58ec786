package pack

import (
	"fmt"
	"strconv"
	"strings"
)

// TOML writes the pack in the format Parse reads, keys in the order the
// guide uses, so that imported packs read like hand-written ones.
func (p *Pack) TOML() []byte {
	var b strings.Builder
	kv := func(indent, key, val string) { fmt.Fprintf(&b, "%s%s = %s\n", indent, key, val) }
	kv("", "id", quote(p.ID))
	kv("", "title", quote(p.Title))
	kv("", "mechanism", quote(p.Mechanism))
	kv("", "version", quote(p.Version))
	kv("", "language", quote(p.Language))
	kv("", "authors", quoteList(p.Authors))
	kv("", "licence", quote(p.Licence))
	kv("", "last_reviewed", p.LastReviewed)
	for i := range p.Questions {
		q := &p.Questions[i]
		b.WriteString("\n[[questions]]\n")
		kv("", "id", quote(q.ID))
		kv("", "type", quote(string(q.Type)))
		kv("", "prompt", quote(q.Prompt))
		kv("", "difficulty", strconv.Itoa(q.Difficulty))
		if q.Evidence != NoEvidence {
			kv("", "evidence", quote(string(q.Evidence)))
		}
		if q.Checked != "" {
			kv("", "checked", q.Checked)
		}
		if q.Explanation != "" {
			kv("", "explanation", quote(q.Explanation))
		}
		if len(q.Tags) > 0 {
			kv("", "tags", quoteList(q.Tags))
		}
		if q.Image != "" {
			kv("", "image", quote(q.Image))
		}
		if q.TimeLimit > 0 {
			kv("", "time_limit", strconv.Itoa(q.TimeLimit))
		}
		switch q.Type {
		case TrueFalse:
			if len(q.Choices) == 2 {
				kv("", "answer", strconv.FormatBool(q.Choices[0].Correct))
				if q.Choices[0].Rationale != "" {
					kv("", "rationale_true", quote(q.Choices[0].Rationale))
				}
				if q.Choices[1].Rationale != "" {
					kv("", "rationale_false", quote(q.Choices[1].Rationale))
				}
				if m := q.Choices[0].Misconception + q.Choices[1].Misconception; m != "" {
					kv("", "misconception", quote(m))
				}
			}
		case Order:
			kv("", "steps", quoteList(q.Steps))
		case Match:
			if len(q.Distractors) > 0 {
				kv("", "distractors", quoteList(q.Distractors))
			}
		}
		for _, s := range q.Sources {
			b.WriteString("[[questions.sources]]\n")
			kv("", "citation", quote(s.Citation))
			if s.DOI != "" {
				kv("", "doi", quote(s.DOI))
			}
			if s.PMID != "" {
				kv("", "pmid", quote(s.PMID))
			}
			if s.URL != "" {
				kv("", "url", quote(s.URL))
			}
			if s.Design != "" {
				kv("", "design", quote(string(s.Design)))
			}
			if s.Finding != "" {
				kv("", "finding", quote(s.Finding))
			}
		}
		switch q.Type {
		case Single, Multi:
			for _, c := range q.Choices {
				b.WriteString("[[questions.choices]]\n")
				kv("", "text", quote(c.Text))
				if c.Correct {
					kv("", "correct", "true")
				}
				if c.Rationale != "" {
					kv("", "rationale", quote(c.Rationale))
				}
				if c.Misconception != "" {
					kv("", "misconception", quote(c.Misconception))
				}
			}
		case Match:
			for _, pr := range q.Pairs {
				b.WriteString("[[questions.pairs]]\n")
				kv("", "left", quote(pr.Left))
				kv("", "right", quote(pr.Right))
				if pr.Rationale != "" {
					kv("", "rationale", quote(pr.Rationale))
				}
			}
		case Estimate:
			if e := q.Estimate; e != nil {
				b.WriteString("[questions.estimate]\n")
				kv("", "answer", number(e.Answer))
				kv("", "min", number(e.Min))
				kv("", "max", number(e.Max))
				if e.Unit != "" {
					kv("", "unit", quote(e.Unit))
				}
				kv("", "scale", quote(string(e.Scale)))
				kv("", "tolerance", number(e.Tolerance))
				if e.Step > 0 {
					kv("", "step", number(e.Step))
				}
			}
		}
	}
	return []byte(b.String())
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// number writes a float so that TOML reads it back as a float.
func number(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") { // "n": NaN and Inf never reach here
		s += ".0"
	}
	return s
}
