package pack

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image formats a pack may use
	_ "image/png"
	"io"
	"io/fs"
	"math"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest pack file accepted, in bytes.
const MaxFileSize = 4 << 20

// MaxNesting bounds how deeply arrays and inline tables may nest. A pack
// needs 3 levels; the TOML decoder's memory grows steeply with depth (deep
// inline tables made it run out of memory), so deeper input is refused before
// it is decoded.
const MaxNesting = 32


var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	langPattern = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)
	doiPattern  = regexp.MustCompile(`^10\.[0-9]{4,9}/\S+$`)
	pmidPattern = regexp.MustCompile(`^[0-9]{1,9}$`)
)

// Options changes how strictly a pack is checked.
type Options struct {
	// Shipped marks a pack that ships with the game: what user packs are
	// only warned about (a source's design and finding, a question's
	// checked date) is an error in it.
	Shipped bool
}

// Parse decodes and validates one pack file. name is used in diagnostics;
// dir is the pack's folder inside fsys, against which image paths are checked
// (fsys may be nil, and then images are not looked up). The pack is returned
// whenever the TOML could be read, even with errors, so that tools can show
// what it holds; it is playable only when no diagnostic is an error. Problems
// past MaxDiagnostics are not returned: ParseFile counts them.
func Parse(name string, data []byte, fsys fs.FS, dir string) (*Pack, []Diagnostic) {
	f := ParseFile(name, data, fsys, dir, Options{})
	return f.Pack, f.Diagnostics
}

// ParseFile is Parse with options, returning the whole outcome: the pack,
// the diagnostics kept and the count of those past the cap.
func ParseFile(name string, data []byte, fsys fs.FS, dir string, opts Options) *File {
	d := &decoder{file: name, shipped: opts.Shipped}
	f := &File{Name: name}
	f.Pack = d.parse(data, fsys, dir)
	sortDiagnostics(d.diags)
	f.Diagnostics, f.Omitted = d.diags, d.omitted
	return f
}

func (d *decoder) parse(data []byte, fsys fs.FS, dir string) *Pack {
	if len(data) > MaxFileSize {
		d.errAt(Position{1, 1}, "file is %d bytes, over the %d-byte (%s) limit", len(data), MaxFileSize, sizeName(MaxFileSize))
		return nil
	}
	if !utf8.Valid(data) {
		d.errAt(firstInvalidUTF8(data), "file is not valid UTF-8")
		return nil
	}
	keys, at, ok := scanPositions(data)
	if !ok {
		d.errAt(at, "arrays or inline tables nested more than %d deep", MaxNesting)
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		d.errAt(syntaxPos(err), "%s", syntaxMessage(err))
		return nil
	}
	d.pos = keys
	p := d.pack(raw)
	p.File, p.Dir, p.idPos, p.fsys = d.file, dir, d.at("id"), fsys
	if fsys != nil {
		d.checkImages(p, fsys, dir)
	}
	return p
}

// sizeName writes a byte count in MiB.
func sizeName(n int) string { return strconv.Itoa(n>>20) + " MiB" }

func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].File != ds[j].File {
			return ds[i].File < ds[j].File
		}
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		return ds[i].Col < ds[j].Col
	})
}

func firstInvalidUTF8(data []byte) Position {
	p := Position{1, 1}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return p
		}
		if r == '\n' {
			p.Line++
			p.Col = 1
		} else {
			p.Col++
		}
		i += n
	}
	return p
}

var lineInText = regexp.MustCompile(`line (\d+)`)

func syntaxPos(err error) Position {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Position{max(pe.Position.Line, 1), max(pe.Position.Col, 1)}
	}
	if m := lineInText.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return Position{n, 1}
		}
	}
	return Position{1, 1}
}

func syntaxMessage(err error) string {
	var pe toml.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	return "TOML syntax: " + msg
}

type decoder struct {
	file    string
	shipped bool
	pos     positions
	diags   []Diagnostic
	omitted Omitted // diagnostics past MaxDiagnostics, counted
}

// MaxDiagnostics bounds the problems kept for one file; a hostile file with
// a hundred thousand bad keys gets the first ones and a count of the rest.
// The cap limits what is kept and printed, never what a pack is: the problems
// past it are still counted by severity (File.Omitted).
const MaxDiagnostics = 500

func (d *decoder) add(diag Diagnostic) {
	if len(d.diags) >= MaxDiagnostics {
		d.omitted.count(diag.Severity)
		return
	}
	d.diags = append(d.diags, diag)
}

// at finds the position of a path, or of its nearest recorded parent.
func (d *decoder) at(p string) Position {
	for {
		if ps, ok := d.pos[p]; ok {
			return ps
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return Position{1, 1}
		}
		p = p[:i]
	}
}

func (d *decoder) errAt(p Position, format string, args ...any) {
	d.add(Diagnostic{File: d.file, Line: p.Line, Col: p.Col, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) errorf(path, format string, args ...any) {
	d.errAt(d.at(path), format, args...)
}

// needf reports a key that shipped packs must have and user packs should
// have: an error in a shipped pack, a warning elsewhere.
func (d *decoder) needf(path, format string, args ...any) {
	if d.shipped {
		d.errorf(path, format, args...)
		return
	}
	d.warnf(path, format, args...)
}

func designList() string {
	names := make([]string, len(Designs))
	for i, ds := range Designs {
		names[i] = string(ds)
	}
	return strings.Join(names, ", ")
}

func (d *decoder) warnf(path, format string, args ...any) {
	p := d.at(path)
	d.add(Diagnostic{File: d.file, Line: p.Line, Col: p.Col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

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

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date or time"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// text reads a string key. Missing and empty values are reported as errors
// when required is set; a missing optional key gives "".
func (d *decoder) text(m map[string]any, path, key string, required bool, limit int) string {
	v, ok := m[key]
	kp := join(path, key)
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.errorf(kp, "%s must be a string, not %s", key, typeName(v))
		return ""
	}
	if strings.TrimSpace(s) == "" {
		d.errorf(kp, "%s is empty", key)
		return ""
	}
	if n := utf8.RuneCountInString(s); n > limit {
		d.errorf(kp, "%s is too long (%d characters, at most %d)", key, n, limit)
	}
	if strings.ContainsRune(s, 0) {
		d.errorf(kp, "%s contains a NUL character", key)
	}
	return strings.TrimSpace(s)
}

func (d *decoder) integer(m map[string]any, path, key string, required bool) (int64, bool) {
	v, ok := m[key]
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		d.errorf(join(path, key), "%s must be an integer, not %s", key, typeName(v))
		return 0, false
	}
	return n, true
}

func (d *decoder) boolean(m map[string]any, path, key string, required bool) (bool, bool) {
	v, ok := m[key]
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		d.errorf(join(path, key), "%s must be true or false, not %s", key, typeName(v))
		return false, false
	}
	return b, true
}

func (d *decoder) number(m map[string]any, path, key string, required bool) (float64, bool) {
	v, ok := m[key]
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return 0, false
	}
	var f float64
	switch n := v.(type) {
	case int64:
		f = float64(n)
	case float64:
		f = n
	default:
		d.errorf(join(path, key), "%s must be a number, not %s", key, typeName(v))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(join(path, key), "%s must be a finite number", key)
		return 0, false
	}
	return f, true
}

// texts reads an array of strings.
func (d *decoder) texts(m map[string]any, path, key string, required bool, limitEach, limitCount int) []string {
	v, ok := m[key]
	kp := join(path, key)
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		d.errorf(kp, "%s must be an array of strings, not %s", key, typeName(v))
		return nil
	}
	if len(arr) > limitCount {
		d.errorf(kp, "%s has %d entries, at most %d", key, len(arr), limitCount)
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		ep := join(kp, strconv.Itoa(i))
		s, ok := e.(string)
		if !ok {
			d.errorf(ep, "%s[%d] must be a string, not %s", key, i, typeName(e))
			continue
		}
		if strings.TrimSpace(s) == "" {
			d.errorf(ep, "%s[%d] is empty", key, i)
			continue
		}
		if n := utf8.RuneCountInString(s); n > limitEach {
			d.errorf(ep, "%s[%d] is too long (%d characters, at most %d)", key, i, n, limitEach)
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// tables reads an array of tables, written as [[key]] headers or as an
// inline array of inline tables.
func (d *decoder) tables(m map[string]any, path, key string) ([]map[string]any, bool) {
	v, ok := m[key]
	if !ok {
		return nil, false
	}
	switch t := v.(type) {
	case []map[string]any:
		return t, true
	case []any:
		out := make([]map[string]any, 0, len(t))
		for i, e := range t {
			tm, ok := e.(map[string]any)
			if !ok {
				d.errorf(join(join(path, key), strconv.Itoa(i)), "%s[%d] must be a table, not %s", key, i, typeName(e))
				return nil, false
			}
			out = append(out, tm)
		}
		return out, true
	}
	d.errorf(join(path, key), "%s must be an array of tables ([[%s]]), not %s", key, key, typeName(v))
	return nil, false
}

func (d *decoder) id(m map[string]any, path, what string) string {
	s := d.text(m, path, "id", true, Limits.ID)
	if s != "" && !idPattern.MatchString(s) {
		d.errorf(join(path, "id"), "%s id %q must be lowercase letters, digits and single hyphens (like \"gut-barrier\")", what, s)
	}
	return s
}

func (d *decoder) pack(raw map[string]any) *Pack {
	p := &Pack{}
	d.unknownKeys(raw, "", packKeys, "")
	p.ID = d.id(raw, "", "pack")
	p.Title = d.text(raw, "", "title", true, Limits.Title)
	p.Mechanism = d.text(raw, "", "mechanism", true, Limits.Mechanism)
	p.Version = d.text(raw, "", "version", true, Limits.Short)
	p.Language = d.text(raw, "", "language", true, Limits.Short)
	if p.Language != "" && !langPattern.MatchString(p.Language) {
		d.errorf("language", "language %q is not a language tag such as \"en\" or \"pt-BR\"", p.Language)
	}
	p.Authors = d.texts(raw, "", "authors", true, Limits.Short, Limits.Authors)
	if _, ok := raw["authors"]; ok && len(p.Authors) == 0 {
		if arr, isArr := raw["authors"].([]any); isArr && len(arr) == 0 {
			d.errorf("authors", "authors is empty: name at least one")
		}
	}
	p.Licence = d.text(raw, "", "licence", true, Limits.Short)
	p.LastReviewed = d.date(raw, "", "last_reviewed")

	qs, ok := d.tables(raw, "", "questions")
	if !ok {
		if _, present := raw["questions"]; !present {
			d.errorf("", "pack has no questions: add [[questions]] tables")
		}
		return p
	}
	if len(qs) == 0 {
		d.errorf("questions", "pack has no questions: add [[questions]] tables")
	}
	seen := map[string]int{}
	for i, qm := range qs {
		qp := join("questions", strconv.Itoa(i))
		q := d.question(qm, qp)
		if q.ID != "" {
			if first, dup := seen[q.ID]; dup {
				d.errorf(join(qp, "id"), "duplicate question id %q (first at line %d)", q.ID, first)
			} else {
				seen[q.ID] = d.at(join(qp, "id")).Line
			}
		}
		p.Questions = append(p.Questions, q)
	}
	return p
}

func (d *decoder) date(m map[string]any, path, key string) string {
	v, ok := m[key]
	if !ok {
		d.errorf(path, "missing required key %q", key)
		return ""
	}
	switch t := v.(type) {
	case time.Time:
		return t.Format("2006-01-02")
	case string:
		if tm, err := time.Parse("2006-01-02", t); err == nil {
			return tm.Format("2006-01-02")
		}
	}
	d.errorf(join(path, key), "%s must be a date such as 2026-11-26 (without quotes)", key)
	return ""
}

func (d *decoder) question(m map[string]any, qp string) Question {
	q := Question{Line: d.at(qp).Line}
	d.unknownKeys(m, qp, questionKeys, "a question")
	q.ID = d.id(m, qp, "question")
	typ := d.text(m, qp, "type", true, Limits.Short)
	q.Type = Type(typ)
	known := false
	for _, t := range Types {
		known = known || q.Type == t
	}
	if typ != "" && !known {
		d.errorf(join(qp, "type"), "unknown question type %q (want single, multi, truefalse, order, match or estimate)", typ)
	}
	q.Prompt = d.text(m, qp, "prompt", true, Limits.Prompt)
	if n, ok := d.integer(m, qp, "difficulty", true); ok {
		if r := Limits.Difficulty; !r.Holds(int(n)) {
			d.errorf(join(qp, "difficulty"), "difficulty %d out of range (%d to %d)", n, r.Min, r.Max)
		} else {
			q.Difficulty = int(n)
		}
	}
	if _, ok := m["explanation"]; ok {
		q.Explanation = d.text(m, qp, "explanation", false, Limits.Explanation)
	} else {
		d.warnf(qp, "question %q has no explanation", q.ID)
	}
	if _, ok := m["evidence"]; ok {
		ev := d.text(m, qp, "evidence", false, Limits.Short)
		q.Evidence = Evidence(ev)
		valid := false
		for _, e := range EvidenceLevels {
			valid = valid || q.Evidence == e
		}
		if ev != "" && !valid {
			d.errorf(join(qp, "evidence"), "unknown evidence level %q (want established, human-studies, early or contested)", ev)
			q.Evidence = NoEvidence
		}
	} else {
		d.warnf(qp, "question %q has no evidence level", q.ID)
	}
	if _, ok := m["checked"]; ok {
		q.Checked = d.date(m, qp, "checked")
	} else {
		d.needf(qp, "question %q has no checked date (checked = YYYY-MM-DD: when its claims were last checked against its sources)", q.ID)
	}
	q.Sources = d.sources(m, qp, q.ID)
	if msg := labelProblem(q.Evidence, q.Sources); msg != "" {
		d.errorf(join(qp, "evidence"), "%s", msg)
	}
	q.Tags = d.texts(m, qp, "tags", false, Limits.Short, Limits.Tags)
	if _, ok := m["image"]; ok {
		q.Image = d.text(m, qp, "image", false, 300)
	}
	if n, ok := d.integer(m, qp, "time_limit", false); ok {
		if r := Limits.TimeLimit; !r.Holds(int(n)) {
			d.errorf(join(qp, "time_limit"), "time_limit %d out of range (%d to %d seconds)", n, r.Min, r.Max)
		} else {
			q.TimeLimit = int(n)
		}
	}
	// Keys that belong to another type.
	if known {
		var keys []string
		for k := range m {
			if types, ok := typeKeys[k]; ok && !containsType(types, q.Type) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			d.errorf(join(qp, k), "key %q does not apply to a %s question", k, q.Type)
		}
	}
	switch q.Type {
	case Single, Multi:
		d.choices(m, qp, &q)
	case TrueFalse:
		d.trueFalse(m, qp, &q)
	case Order:
		q.Steps = d.texts(m, qp, "steps", true, Limits.Step, 64)
		if _, ok := m["steps"]; ok && !Limits.Steps.Holds(len(q.Steps)) {
			d.errorf(join(qp, "steps"), "order question has %s, want %d to %d", count(len(q.Steps), "step"), Limits.Steps.Min, Limits.Steps.Max)
		}
		d.distinct(q.Steps, join(qp, "steps"), "step")
	case Match:
		d.pairs(m, qp, &q)
	case Estimate:
		d.estimate(m, qp, &q)
	}
	d.keyPositions(qp, &q)
	return q
}

// keyPositions records where the question's texts are written, so that
// later checks (text that does not fit its card) can point at them.
func (d *decoder) keyPositions(qp string, q *Question) {
	q.Pos = map[string]Position{}
	put := func(key, path string) {
		if p, ok := d.pos[join(qp, path)]; ok {
			q.Pos[key] = p
		}
	}
	for _, k := range []string{"prompt", "explanation", "rationale_true", "rationale_false"} {
		put(k, k)
	}
	for i := range q.Choices {
		k := "choices." + strconv.Itoa(i)
		put(k, k+".text")
	}
	for i := range q.Steps {
		k := "steps." + strconv.Itoa(i)
		put(k, k)
	}
	for i := range q.Pairs {
		for _, side := range []string{".left", ".right"} {
			k := "pairs." + strconv.Itoa(i) + side
			put(k, k)
		}
	}
	for i := range q.Distractors {
		k := "distractors." + strconv.Itoa(i)
		put(k, k)
	}
}

func containsType(ts []Type, t Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// distinct reports repeated entries of a list, at the repeat.
func (d *decoder) distinct(list []string, path, what string) {
	seen := make(map[string]bool, len(list))
	for i, s := range list {
		if seen[s] {
			d.errorf(join(path, strconv.Itoa(i)), "%s %q appears twice", what, s)
		}
		seen[s] = true
	}
}

func (d *decoder) sources(m map[string]any, qp, qid string) []Source {
	ts, ok := d.tables(m, qp, "sources")
	if !ok {
		if _, present := m["sources"]; !present {
			d.warnf(qp, "question %q has no source", qid)
		}
		return nil
	}
	if len(ts) == 0 {
		d.warnf(join(qp, "sources"), "question %q has no source", qid)
	}
	var out []Source
	for i, sm := range ts {
		sp := join(join(qp, "sources"), strconv.Itoa(i))
		d.unknownKeys(sm, sp, sourceKeys, "a source")
		s := Source{Citation: d.text(sm, sp, "citation", true, Limits.Citation)}
		if _, ok := sm["doi"]; ok {
			s.DOI = strings.TrimPrefix(strings.TrimPrefix(d.text(sm, sp, "doi", false, 200), "https://doi.org/"), "doi:")
			if s.DOI != "" && !doiPattern.MatchString(s.DOI) {
				d.errorf(join(sp, "doi"), "doi %q is not a DOI such as \"10.1038/nri2653\"", s.DOI)
			}
		}
		if _, ok := sm["pmid"]; ok {
			if n, isInt := sm["pmid"].(int64); isInt {
				s.PMID = strconv.FormatInt(n, 10)
			} else {
				s.PMID = d.text(sm, sp, "pmid", false, 20)
			}
			if s.PMID != "" && !pmidPattern.MatchString(s.PMID) {
				d.errorf(join(sp, "pmid"), "pmid %q must be digits only", s.PMID)
			}
		}
		if _, ok := sm["design"]; ok {
			s.Design = Design(d.text(sm, sp, "design", false, Limits.Short))
			if s.Design != "" && !s.Design.Known() {
				d.errorf(join(sp, "design"), "unknown design %q (want one of: %s)", s.Design, designList())
			}
		} else {
			d.needf(sp, "source has no design (the kind of study, such as \"randomised trial\": see questions/README.md)")
		}
		if _, ok := sm["finding"]; ok {
			s.Finding = d.text(sm, sp, "finding", false, Limits.Finding)
		} else {
			d.needf(sp, "source has no finding (who was studied, how many, and the result with its number)")
		}
		if _, ok := sm["url"]; ok {
			s.URL = d.text(sm, sp, "url", false, 500)
			if u, err := url.Parse(s.URL); s.URL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
				d.errorf(join(sp, "url"), "url %q is not an http or https address", s.URL)
			}
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) choices(m map[string]any, qp string, q *Question) {
	ts, ok := d.tables(m, qp, "choices")
	if !ok {
		if _, present := m["choices"]; !present {
			d.errorf(qp, "%s question has no choices: add [[questions.choices]] tables", q.Type)
		}
		return
	}
	r := Limits.Choices[q.Type]
	cp := join(qp, "choices")
	if !r.Holds(len(ts)) {
		d.errorf(cp, "%s question has %s, want %d to %d", q.Type, count(len(ts), "choice"), r.Min, r.Max)
	}
	texts := make([]string, 0, len(ts))
	for i, cm := range ts {
		p := join(cp, strconv.Itoa(i))
		d.unknownKeys(cm, p, choiceKeys, "a choice")
		c := Choice{Text: d.text(cm, p, "text", true, Limits.Choice)}
		c.Correct, _ = d.boolean(cm, p, "correct", false)
		if _, ok := cm["rationale"]; ok {
			c.Rationale = d.text(cm, p, "rationale", false, Limits.Rationale)
		} else {
			d.warnf(p, "choice %d of question %q has no rationale", i+1, q.ID)
		}
		if _, ok := cm["misconception"]; ok {
			c.Misconception = d.text(cm, p, "misconception", false, Limits.Misconception)
			if c.Correct {
				d.errorf(join(p, "misconception"), "misconception on a correct choice: label the wrong choices only")
			}
		}
		q.Choices = append(q.Choices, c)
		if c.Text != "" {
			texts = append(texts, c.Text)
		}
	}
	d.distinct(texts, cp, "choice")
	n := len(q.Correct())
	switch {
	case q.Type == Single && n != 1:
		d.errorf(cp, "single question needs exactly one correct choice, has %d", n)
	case q.Type == Multi && n == 0:
		d.errorf(cp, "multi question needs at least one correct choice, has none")
	}
}

func (d *decoder) trueFalse(m map[string]any, qp string, q *Question) {
	ans, ok := d.boolean(m, qp, "answer", true)
	t := Choice{Text: "True", Correct: ans}
	f := Choice{Text: "False", Correct: !ans}
	if _, has := m["rationale_true"]; has {
		t.Rationale = d.text(m, qp, "rationale_true", false, Limits.Rationale)
	} else {
		d.warnf(qp, "question %q has no rationale_true", q.ID)
	}
	if _, has := m["rationale_false"]; has {
		f.Rationale = d.text(m, qp, "rationale_false", false, Limits.Rationale)
	} else {
		d.warnf(qp, "question %q has no rationale_false", q.ID)
	}
	if _, has := m["misconception"]; has {
		label := d.text(m, qp, "misconception", false, Limits.Misconception)
		if ans {
			f.Misconception = label
		} else {
			t.Misconception = label
		}
	}
	if ok {
		q.Choices = []Choice{t, f}
	}
}

func (d *decoder) pairs(m map[string]any, qp string, q *Question) {
	ts, ok := d.tables(m, qp, "pairs")
	if !ok {
		if _, present := m["pairs"]; !present {
			d.errorf(qp, "match question has no pairs: add [[questions.pairs]] tables")
		}
		return
	}
	pp := join(qp, "pairs")
	if !Limits.Pairs.Holds(len(ts)) {
		d.errorf(pp, "match question has %s, want %d to %d", count(len(ts), "pair"), Limits.Pairs.Min, Limits.Pairs.Max)
	}
	var lefts, rights []string
	for i, pm := range ts {
		p := join(pp, strconv.Itoa(i))
		d.unknownKeys(pm, p, pairKeys, "a pair")
		pr := Pair{Left: d.text(pm, p, "left", true, Limits.PairSide), Right: d.text(pm, p, "right", true, Limits.PairSide)}
		if _, ok := pm["rationale"]; ok {
			pr.Rationale = d.text(pm, p, "rationale", false, Limits.Rationale)
		}
		q.Pairs = append(q.Pairs, pr)
		lefts = append(lefts, pr.Left)
		rights = append(rights, pr.Right)
	}
	d.distinct(lefts, pp, "left side")
	if _, ok := m["distractors"]; ok {
		dp := join(qp, "distractors")
		q.Distractors = d.texts(m, qp, "distractors", false, Limits.PairSide, 64)
		if len(q.Distractors) > Limits.Distractors {
			d.errorf(dp, "match question has %s, at most %d", count(len(q.Distractors), "distractor"), Limits.Distractors)
		}
		seen := map[string]bool{}
		for _, r := range rights {
			seen[r] = true
		}
		for i, x := range q.Distractors {
			if seen[x] {
				d.errorf(join(dp, strconv.Itoa(i)), "distractor %q is also a right side or another distractor", x)
			}
			seen[x] = true
		}
	}
	d.distinct(rights, pp, "right side")
}



func (d *decoder) estimate(m map[string]any, qp string, q *Question) {
	v, ok := m["estimate"]
	if !ok {
		d.errorf(qp, "estimate question has no [questions.estimate] table")
		return
	}
	em, ok := v.(map[string]any)
	ep := join(qp, "estimate")
	if !ok {
		d.errorf(ep, "estimate must be a table, not %s", typeName(v))
		return
	}
	d.unknownKeys(em, ep, estimateKeys, "the estimate table")
	e := &EstimateSpec{Scale: Linear}
	var okA, okMin, okMax bool
	e.Answer, okA = d.number(em, ep, "answer", true)
	e.Min, okMin = d.number(em, ep, "min", true)
	e.Max, okMax = d.number(em, ep, "max", true)
	if _, has := em["unit"]; has {
		e.Unit = d.text(em, ep, "unit", false, Limits.Short)
	}
	if _, has := em["scale"]; has {
		switch s := d.text(em, ep, "scale", false, Limits.Short); s {
		case "linear", "":
		case "log":
			e.Scale = Log
		default:
			d.errorf(join(ep, "scale"), "unknown scale %q (want linear or log)", s)
		}
	}
	if e.Scale == Log {
		e.Tolerance = 1
	}
	if t, has := d.number(em, ep, "tolerance", false); has {
		switch {
		case e.Scale == Log && t < 1:
			d.errorf(join(ep, "tolerance"), "tolerance %g on a log scale must be a factor of at least 1", t)
		case t < 0:
			d.errorf(join(ep, "tolerance"), "tolerance %g must not be negative", t)
		default:
			e.Tolerance = t
		}
	}
	if s, has := d.number(em, ep, "step", false); has {
		if s < 0 || (okMin && okMax && s > e.Max-e.Min) {
			d.errorf(join(ep, "step"), "step %g must be between 0 and the slider's range", s)
		} else {
			e.Step = s
		}
	}
	if okMin && okMax {
		switch {
		case e.Min >= e.Max:
			d.errorf(join(ep, "max"), "max %g must be greater than min %g", e.Max, e.Min)
		case e.Scale == Log && e.Min <= 0:
			d.errorf(join(ep, "min"), "min %g must be above 0 on a log scale", e.Min)
		case okA && (e.Answer < e.Min || e.Answer > e.Max):
			d.errorf(join(ep, "answer"), "answer %g lies outside the slider range [%g, %g]", e.Answer, e.Min, e.Max)
		}
	}
	q.Estimate = e
}

// checkImages checks that every image path stays inside the pack's folder
// and names a PNG or JPEG file that exists.
func (d *decoder) checkImages(p *Pack, fsys fs.FS, dir string) {
	for i, q := range p.Questions {
		if q.Image == "" {
			continue
		}
		kp := join(join("questions", strconv.Itoa(i)), "image")
		full, err := ImagePath(dir, q.Image)
		if err != nil {
			d.errorf(kp, "image %q: %v", q.Image, err)
			continue
		}
		ext := strings.ToLower(path.Ext(full))
		if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
			d.errorf(kp, "image %q must be a .png, .jpg or .jpeg file", q.Image)
			continue
		}
		if isSymlink(fsys, full) {
			d.errorf(kp, "image %q is a symbolic link; images must be files inside the pack's folder", q.Image)
			continue
		}
		st, err := fs.Stat(fsys, full)
		switch {
		case err != nil:
			d.errorf(kp, "image %q not found next to the pack", q.Image)
		case !st.Mode().IsRegular():
			d.errorf(kp, "image %q is not a regular file", q.Image)
		case st.Size() > MaxImageSize:
			d.errorf(kp, "image %q is %d bytes, over the 8 MiB limit", q.Image, st.Size())
		default:
			if msg := checkImage(fsys, full); msg != "" {
				d.errorf(kp, "image %q %s", q.Image, msg)
			}
		}
	}
}

// MaxImageSize and MaxImageSide bound a question's image, so that a pack
// cannot make the game decode a huge picture.
const (
	MaxImageSize = 8 << 20
	MaxImageSide = 4096
)

// checkImage reads an image's header: it must be a PNG or JPEG of sensible
// dimensions. It returns what is wrong, or "".
func checkImage(fsys fs.FS, name string) string {
	f, err := fsys.Open(name)
	if err != nil {
		return "cannot be read"
	}
	defer f.Close()
	return ImageProblem(f)
}

// ImageProblem reads an image's header from r and says what keeps it from
// being a question's image ("is not a PNG or JPEG image"), or "".
func ImageProblem(r io.Reader) string {
	cfg, format, err := image.DecodeConfig(r)
	switch {
	case err != nil:
		return "is not a PNG or JPEG image"
	case format != "png" && format != "jpeg":
		return "is a " + format + " image, not a PNG or JPEG"
	case cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide:
		return fmt.Sprintf("is %dx%d pixels, more than %d on a side", cfg.Width, cfg.Height, MaxImageSide)
	}
	return ""
}

// isSymlink reports whether name is a symbolic link, where the file system
// can tell (os.DirFS can; embedded files are never links).
func isSymlink(fsys fs.FS, name string) bool {
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		return false
	}
	st, err := fs.Lstat(fsys, name)
	return err == nil && st.Mode()&fs.ModeSymlink != 0
}

// ImagePath resolves an image path given in a pack against the pack's folder
// dir, refusing paths that are absolute or that leave the folder.
func ImagePath(dir, image string) (string, error) {
	if strings.Contains(image, `\`) {
		return "", errors.New("use / to separate folders")
	}
	if path.IsAbs(image) || (len(image) > 1 && image[1] == ':') {
		return "", errors.New("path must be relative to the pack file")
	}
	clean := path.Clean(image)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", errors.New("path leaves the pack's folder")
	}
	full := path.Join(dir, clean)
	if !fs.ValidPath(full) {
		return "", errors.New("path is not valid")
	}
	return full, nil
}

// count renders "1 choice", "2 choices".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
