package pack

// The checks of one question and of each question type.

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

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
