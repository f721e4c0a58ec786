// Package convert turns question files of other tools into packs and packs
// into their files: Moodle's GIFT and the usual quiz spreadsheet (CSV).
// Whatever a conversion cannot carry over is reported with its line, never
// dropped silently. The package is pure Go.
package convert

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"gutskin/game/pack"
)

// Header is what a converted pack says about itself; the formats carry
// none of it.
type Header struct {
	ID, Title, Language, Licence, Authors, Today string
}

func (h Header) pack(mechanism string) *pack.Pack {
	return &pack.Pack{ID: h.ID, Title: h.Title, Mechanism: mechanism, Version: "1.0.0", Language: h.Language,
		Authors: []string{h.Authors}, Licence: h.Licence, LastReviewed: h.Today}
}

// Escaped GIFT characters are swapped for private-use runes while a
// question is taken apart, then restored.
var (
	escapes     = []string{`\\`, `\:`, `\#`, `\=`, `\{`, `\}`, `\~`, `\n`}
	escapedRune = []rune{'\uE000', '\uE001', '\uE002', '\uE003', '\uE004', '\uE005', '\uE006', '\uE007'}
	plainRune   = []string{`\`, ":", "#", "=", "{", "}", "~", "\n"}
)

func hideEscapes(s string) string {
	for i, e := range escapes {
		s = strings.ReplaceAll(s, e, string(escapedRune[i]))
	}
	return s
}

func showEscapes(s string) string {
	for i, r := range escapedRune {
		s = strings.ReplaceAll(s, string(r), plainRune[i])
	}
	return s
}

var (
	formatPrefix = regexp.MustCompile(`^\[(html|markdown|plain|moodle)\]`)
	weightRE     = regexp.MustCompile(`^%(-?[0-9]+(?:\.[0-9]*)?)%`)
)

// clean turns a piece of GIFT text into plain text: the format prefix goes,
// HTML is read as a browser would (tags gone, entities decoded), escapes are
// restored, blanks squeezed. A piece without a prefix of its own takes the
// question's format, as Moodle does: in "[html]<p>Q</p>{=<p>A</p>}" the
// answer is HTML too.
func clean(s, inherited string) string {
	s = strings.TrimSpace(s)
	format := inherited
	if m := formatPrefix.FindStringSubmatch(s); m != nil {
		s, format = s[len(m[0]):], m[1]
	}
	s = showEscapes(s)
	if format == "html" {
		return htmlText(s)
	}
	return squeeze(s)
}

// formatOf is the format a question's text declares ("" when none).
func formatOf(s string) string {
	if m := formatPrefix.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1]
	}
	return ""
}

// block is one question's lines of a GIFT file.
type block struct {
	line int // of its first line that is not a comment
	text string
}

// blocks splits a GIFT file into questions: runs of lines separated by
// blank lines, comment lines left out.
func blocks(data string) []block {
	var out []block
	var cur []string
	first := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, block{line: first, text: strings.Join(cur, "\n")})
		}
		cur, first = nil, 0
	}
	for i, l := range strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "//"):
			// A comment inside a question does not end it.
		default:
			if first == 0 {
				first = i + 1
			}
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// FromGIFT converts a Moodle GIFT file into a pack. Questions the game
// cannot play (short answer, essay, descriptions) are reported and skipped;
// what a question loses on the way (partial credit, several numeric
// answers) is reported too. The pack is not validated here.
func FromGIFT(name string, data []byte, h Header) (*pack.Pack, []pack.Diagnostic) {
	c := &converter{file: name, ids: map[string]int{}}
	p := h.pack("Imported from " + name + ", a Moodle GIFT file.")
	text, diags := decodeText(name, data)
	c.diags = append(c.diags, diags...)
	if text == "" && len(diags) > 0 {
		return p, c.diags
	}
	category := ""
	for _, b := range blocks(text) {
		t := hideEscapes(strings.TrimSpace(b.text))
		if strings.HasPrefix(t, "$CATEGORY:") {
			// "$course$/top/Gut and skin": the last part names the category.
			path := strings.TrimSpace(showEscapes(strings.TrimPrefix(t, "$CATEGORY:")))
			category = strings.TrimSpace(path[strings.LastIndex(path, "/")+1:])
			continue
		}
		q, ok := c.giftQuestion(b.line, t)
		if !ok {
			continue
		}
		if category != "" {
			q.Tags = []string{category}
		}
		p.Questions = append(p.Questions, q)
	}
	if category != "" && (p.Title == "" || p.Title == h.ID) {
		p.Title = category
	}
	c.diags = append(c.diags, playable(p, name)...)
	sortByLine(c.diags)
	return p, c.diags
}

type converter struct {
	file  string
	diags []pack.Diagnostic
	ids   map[string]int
	n     int
	// format is the current question's text format, which its answers and
	// feedback inherit.
	format string
}

// text cleans a piece of the current question.
func (c *converter) text(s string) string { return clean(s, c.format) }

func (c *converter) report(line int, sev pack.Severity, format string, args ...any) {
	c.diags = append(c.diags, pack.Diagnostic{File: c.file, Line: line, Col: 1, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// Slug turns a name into an id: lowercase ASCII letters and digits joined
// by single hyphens, at most max characters ("" when nothing is left).
func Slug(name string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= max {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// id makes a question id from a title (or a number), unique in the pack.
func (c *converter) id(title string) string {
	c.n++
	id := Slug(title, 48)
	if id == "" {
		id = fmt.Sprintf("question-%d", c.n)
	}
	if n := c.ids[id]; n > 0 {
		c.ids[id]++
		id = fmt.Sprintf("%s-%d", id, n+1)
	} else {
		c.ids[id] = 1
	}
	return id
}

func (c *converter) giftQuestion(line int, t string) (pack.Question, bool) {
	title := ""
	if strings.HasPrefix(t, "::") {
		if end := strings.Index(t[2:], "::"); end >= 0 {
			title = clean(t[2:2+end], "")
			t = strings.TrimSpace(t[2+end+2:])
		}
	}
	c.format = formatOf(t)
	open, close := strings.IndexByte(t, '{'), strings.IndexByte(t, '}')
	switch {
	case open < 0 && close < 0:
		c.report(line, pack.Warning, "skipped a description (text without answers): the game asks questions only")
		return pack.Question{}, false
	case open < 0 || close < open:
		c.report(line, pack.Error, "skipped a question: its { and } do not match")
		return pack.Question{}, false
	}
	answers := strings.TrimSpace(t[open+1 : close])
	prompt := t[:open]
	if after := strings.TrimSpace(t[close+1:]); after != "" {
		prompt += "_____" + t[close+1:] // the missing-word form
	}
	name := title
	if name == "" { // an id from the prompt's first words
		words := strings.Fields(c.text(prompt))
		name = strings.Join(words[:min(len(words), 6)], " ")
	}
	q := pack.Question{ID: c.id(name), Prompt: c.text(prompt), Difficulty: 2, Line: line}
	if title != "" && q.Prompt == "" {
		q.Prompt = title
	}
	if i := strings.LastIndex(answers, "####"); i >= 0 {
		q.Explanation = c.text(answers[i+4:])
		answers = strings.TrimSpace(answers[:i])
	}
	var ok bool
	switch {
	case answers == "":
		c.report(line, pack.Warning, "skipped an essay question %q: the game cannot score free text", short(q.Prompt))
		return q, false
	case strings.HasPrefix(answers, "#"):
		ok = c.numerical(line, &q, answers[1:])
	case strings.Contains(answers, "~"):
		ok = c.choices(line, &q, answers)
	case strings.Contains(answers, "=") && strings.Contains(answers, "->"):
		ok = c.matching(line, &q, answers)
	default:
		check := answers
		if i := strings.IndexByte(answers, '#'); i > 0 {
			check = strings.TrimSpace(answers[:i])
		}
		switch check {
		case "T", "TRUE", "F", "FALSE":
			ok = c.trueFalse(&q, answers)
		default:
			c.report(line, pack.Warning, "skipped a short-answer question %q: the game cannot score typed words", short(q.Prompt))
			return q, false
		}
	}
	return q, ok
}

// split cuts an answer from its "#feedback".
func (c *converter) split(a string) (text, feedback string) {
	if i := strings.IndexByte(a, '#'); i >= 0 {
		return c.text(a[:i]), c.text(a[i+1:])
	}
	return c.text(a), ""
}

func (c *converter) choices(line int, q *pack.Question, answers string) bool {
	single := strings.Contains(answers, "=")
	parts := strings.Split(strings.ReplaceAll(answers, "=", "~="), "~")
	type choice struct {
		weight float64
		c      pack.Choice
	}
	var list []choice
	for _, a := range parts {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		w := 0.0
		switch {
		case strings.HasPrefix(a, "="):
			w, a = 1, a[1:]
		case weightRE.MatchString(a):
			m := weightRE.FindStringSubmatch(a)
			f, _ := strconv.ParseFloat(m[1], 64)
			w, a = f/100, a[len(m[0]):]
		}
		text, fb := c.split(a)
		list = append(list, choice{w, pack.Choice{Text: text, Rationale: fb}})
	}
	full := 0
	for _, ch := range list {
		if ch.weight >= 1 {
			full++
		}
	}
	if single && full > 1 {
		// Moodle takes any of them as right; the pack format has one right
		// choice in a single-answer question, so this becomes a question
		// where each right choice is to be ticked.
		c.report(line, pack.Warning, "question %q: %d answers give full credit; it became a multi-answer question, where the player ticks all of them", short(q.Prompt), full)
		single = false
		for i := range list {
			if list[i].weight >= 1 {
				list[i].weight = 1 / float64(full)
			}
		}
	}
	q.Type = pack.Multi
	if single {
		q.Type = pack.Single
	}
	for _, ch := range list {
		ch.c.Correct = ch.weight > 0
		if single {
			ch.c.Correct = ch.weight >= 1
			if ch.weight > 0 && ch.weight < 1 {
				c.report(line, pack.Warning, "question %q: the partial credit (%g%%) of %q was dropped; it counts as wrong", short(q.Prompt), ch.weight*100, short(ch.c.Text))
			}
		}
		q.Choices = append(q.Choices, ch.c)
	}
	return true
}

func (c *converter) matching(line int, q *pack.Question, answers string) bool {
	q.Type = pack.Match
	for _, a := range strings.Split(answers, "=") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		i := strings.Index(a, "->")
		if i < 0 {
			c.report(line, pack.Error, "skipped matching question %q: %q has no ->", short(q.Prompt), short(c.text(a)))
			return false
		}
		left, _ := c.split(a[:i])
		right := c.text(a[i+2:])
		if left == "" {
			// "= -> 4": in Moodle an extra wrong answer offered in every list.
			q.Distractors = append(q.Distractors, right)
			continue
		}
		q.Pairs = append(q.Pairs, pack.Pair{Left: left, Right: right})
	}
	return true
}

func (c *converter) trueFalse(q *pack.Question, answers string) bool {
	q.Type = pack.TrueFalse
	bits := strings.SplitN(answers, "#", 3)
	truth := strings.TrimSpace(bits[0])
	var wrong, right string
	if len(bits) > 1 {
		wrong = c.text(bits[1])
	}
	if len(bits) > 2 {
		right = c.text(bits[2])
	}
	isTrue := truth == "T" || truth == "TRUE"
	t, f := pack.Choice{Text: "True", Correct: isTrue}, pack.Choice{Text: "False", Correct: !isTrue}
	if isTrue {
		t.Rationale, f.Rationale = right, wrong
	} else {
		t.Rationale, f.Rationale = wrong, right
	}
	q.Choices = []pack.Choice{t, f}
	return true
}

// numerical makes an estimate question: the first full-credit answer, with
// its tolerance ("a:t") or range ("lo..hi"), on a linear slider around it.
func (c *converter) numerical(line int, q *pack.Question, answers string) bool {
	if i := strings.IndexByte(answers, '~'); i >= 0 {
		c.report(line, pack.Warning, "question %q: the feedback for wrong numbers was dropped", short(q.Prompt))
		answers = answers[:i]
	}
	var forms []string
	for _, a := range strings.Split(answers, "=") {
		if a = strings.TrimSpace(a); a != "" {
			forms = append(forms, a)
		}
	}
	if len(forms) == 0 {
		c.report(line, pack.Error, "skipped numerical question %q: no number", short(q.Prompt))
		return false
	}
	best := -1
	for i, f := range forms {
		if m := weightRE.FindString(f); m == "" || m == "%100%" {
			best = i
			break
		}
	}
	if best < 0 {
		best = 0
	}
	if len(forms) > 1 {
		c.report(line, pack.Warning, "question %q: %d other accepted numbers (partial credit) were dropped; the slider scores closeness instead", short(q.Prompt), len(forms)-1)
	}
	f := weightRE.ReplaceAllString(forms[best], "")
	f, fb := c.split(f)
	if fb != "" {
		// The right number's feedback teaches: it becomes the explanation,
		// or follows it.
		q.Explanation = strings.TrimSpace(q.Explanation + " " + fb)
	}
	var ans, tol float64
	var err error
	switch {
	case strings.Contains(f, ".."):
		lo, hi, _ := strings.Cut(f, "..")
		var l, h float64
		if l, err = strconv.ParseFloat(strings.TrimSpace(lo), 64); err == nil {
			h, err = strconv.ParseFloat(strings.TrimSpace(hi), 64)
		}
		ans, tol = (l+h)/2, math.Abs(h-l)/2
	case strings.Contains(f, ":"):
		a, t, _ := strings.Cut(f, ":")
		if ans, err = strconv.ParseFloat(strings.TrimSpace(a), 64); err == nil {
			tol, err = strconv.ParseFloat(strings.TrimSpace(t), 64)
		}
	default:
		ans, err = strconv.ParseFloat(strings.TrimSpace(f), 64)
	}
	if err != nil || math.IsNaN(ans) || math.IsInf(ans, 0) || math.IsNaN(tol) || math.IsInf(tol, 0) {
		c.report(line, pack.Error, "skipped numerical question %q: %q is not a number", short(q.Prompt), f)
		return false
	}
	tol = math.Abs(tol)
	// A slider from 0 (or below a negative answer) to well above it: the
	// answer is never the middle of the range, which would give it away.
	span := math.Max(math.Max(10*tol, math.Abs(ans)), 1)
	lo, hi := 0.0, ans+1.5*span
	if ans < 0 {
		lo, hi = ans-span, math.Max(ans+1.5*span, 0)
	}
	q.Type = pack.Estimate
	q.Estimate = &pack.EstimateSpec{Answer: ans, Min: lo, Max: hi, Scale: pack.Linear, Tolerance: tol}
	return true
}

func short(s string) string {
	r := []rune(s)
	if len(r) <= 50 {
		return s
	}
	return string(r[:49]) + "…"
}

// gift escapes text for a GIFT file.
func gift(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`, "{", `\{`, "}", `\}`, ":", `\:`, "\n", `\n`)
	return r.Replace(s)
}

// ToGIFT writes a pack as a Moodle GIFT file. Order questions, which GIFT
// cannot hold, are left out and reported; so is what GIFT has no place for
// (sources and evidence levels are written as comments, misconception
// labels are lost). The explanation becomes the general feedback and each
// rationale its choice's feedback.
func ToGIFT(p *pack.Pack) ([]byte, []pack.Diagnostic) {
	var b strings.Builder
	var diags []pack.Diagnostic
	report := func(q *pack.Question, sev pack.Severity, msg string) {
		diags = append(diags, pack.Diagnostic{File: p.File, Line: q.Line, Col: 1, Severity: sev, Message: fmt.Sprintf("question %q: %s", q.ID, msg)})
	}
	fmt.Fprintf(&b, "// %s (%s), exported from gutskin.\n// %s\n\n$CATEGORY: %s\n\n", p.Title, p.ID, strings.ReplaceAll(p.Mechanism, "\n", " "), gift(p.Title))
	misconceptions := 0
	for i := range p.Questions {
		q := &p.Questions[i]
		if q.Type == pack.Order {
			report(q, pack.Error, "order questions cannot be written in GIFT; left out")
			continue
		}
		// GIFT has no place for sources and evidence: they go in comments,
		// which Moodle ignores and a reader still sees.
		for _, s := range q.Sources {
			b.WriteString("// Source: " + oneLine(s.Citation))
			if s.DOI != "" {
				b.WriteString(" doi:" + s.DOI)
			}
			if s.PMID != "" {
				b.WriteString(" PMID " + s.PMID)
			}
			b.WriteString("\n")
		}
		if q.Evidence != pack.NoEvidence {
			b.WriteString("// Evidence: " + q.Evidence.Label() + "\n")
		}
		fmt.Fprintf(&b, "::%s::%s {", gift(q.ID), gift(q.Prompt))
		switch q.Type {
		case pack.Single:
			for _, c := range q.Choices {
				mark := "~"
				if c.Correct {
					mark = "="
				}
				b.WriteString("\n\t" + mark + gift(c.Text) + feedback(c.Rationale))
			}
		case pack.Multi:
			right, wrong := len(q.Correct()), len(q.Choices)-len(q.Correct())
			for _, c := range q.Choices {
				w := 100 / float64(right)
				if !c.Correct {
					w = -100 / float64(max(wrong, 1))
				}
				fmt.Fprintf(&b, "\n\t~%%%s%%%s%s", strconv.FormatFloat(w, 'f', -1, 64), gift(c.Text), feedback(c.Rationale))
			}
		case pack.TrueFalse:
			truth, right, wrong := "TRUE", q.Choices[0].Rationale, q.Choices[1].Rationale
			if !q.Choices[0].Correct {
				truth, right, wrong = "FALSE", q.Choices[1].Rationale, q.Choices[0].Rationale
			}
			b.WriteString(truth)
			if wrong != "" || right != "" {
				b.WriteString("#" + gift(wrong))
			}
			if right != "" {
				b.WriteString("#" + gift(right))
			}
		case pack.Match:
			for _, pr := range q.Pairs {
				b.WriteString("\n\t=" + gift(pr.Left) + " -> " + gift(pr.Right))
			}
			for _, d := range q.Distractors {
				b.WriteString("\n\t= -> " + gift(d))
			}
		case pack.Estimate:
			e := q.Estimate
			tol := e.Tolerance
			if e.Scale == pack.Log {
				// GIFT knows only a tolerance in the unit: take the larger
				// side of the factor, so every right answer still scores.
				tol = e.Answer * (e.Tolerance - 1)
			}
			fmt.Fprintf(&b, "#%s:%s", strconv.FormatFloat(e.Answer, 'g', -1, 64), strconv.FormatFloat(tol, 'g', -1, 64))
			if e.Scale == pack.Log || e.Unit != "" {
				report(q, pack.Warning, "GIFT keeps only the number and an absolute tolerance: the unit and the log scale are lost")
			}
		}
		for _, c := range q.Choices {
			if c.Misconception != "" {
				misconceptions++
			}
		}
		if q.Explanation != "" {
			b.WriteString("\n\t####" + gift(q.Explanation))
		}
		b.WriteString("\n}\n\n")
	}
	if misconceptions > 0 {
		diags = append(diags, pack.Diagnostic{File: p.File, Line: 1, Col: 1, Severity: pack.Warning,
			Message: fmt.Sprintf("%d misconception labels have no place in GIFT and were left out; sources and evidence levels are written as comments, which an import does not read back", misconceptions)})
	}
	return []byte(b.String()), diags
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func feedback(r string) string {
	if r == "" {
		return ""
	}
	return "#" + gift(r)
}
