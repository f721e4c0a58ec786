package convert

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gutskin/game/pack"
)

// The CSV layout, one question a row, after a header row naming the
// columns (in any order, any case):
//
//	question, answer 1 ... answer 6, time limit, correct
//
// and, optional: explanation, source, doi, pmid, evidence, difficulty, id.
// "correct" lists the right answers' numbers ("2", or "1,3" for several).
// A row whose two answers are True and False becomes a true/false question;
// one correct answer makes a single-answer question, several a multi.
const maxCSVAnswers = 6

// FromCSV converts a quiz spreadsheet saved as CSV into a pack. Rows that
// cannot become a question are reported with their line and skipped.
func FromCSV(name string, data []byte, h Header) (*pack.Pack, []pack.Diagnostic) {
	c := &converter{file: name, ids: map[string]int{}}
	p := h.pack("Imported from " + name + ", a quiz spreadsheet.")
	text, diags := decodeText(name, data)
	c.diags = append(c.diags, diags...)
	if text == "" && len(diags) > 0 {
		return p, c.diags
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		c.report(1, pack.Error, "no header row: %v", plainCSV(err))
		return p, c.diags
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.Join(strings.Fields(h), " "))] = i
	}
	if _, ok := col["question"]; !ok {
		c.report(1, pack.Error, `the header row has no "question" column (columns: question, answer 1 ... answer %d, time limit, correct, and optionally explanation, source, doi, pmid, evidence, difficulty, id)`, maxCSVAnswers)
		return p, c.diags
	}
	if _, ok := col["correct"]; !ok {
		c.report(1, pack.Error, `the header row has no "correct" column (the numbers of the right answers, such as 2 or 1,3)`)
		return p, c.diags
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line := 0
		if err == nil {
			line, _ = r.FieldPos(0)
		} else if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
			line = pe.Line
		}
		if err != nil {
			c.report(line, pack.Error, "unreadable row: %v", plainCSV(err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
				continue
			}
			if errors.As(err, &pe) {
				break // a broken quote spoils the rest of the file
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue
		}
		q, ok := c.csvQuestion(line, get)
		if ok {
			p.Questions = append(p.Questions, q)
		}
	}
	c.diags = append(c.diags, playable(p, name)...)
	sortByLine(c.diags)
	return p, c.diags
}

func plainCSV(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (c *converter) csvQuestion(line int, get func(string) string) (pack.Question, bool) {
	q := pack.Question{ID: c.id(get("id")), Prompt: get("question"), Difficulty: 2, Explanation: get("explanation"), Line: line}
	if q.Prompt == "" {
		c.report(line, pack.Error, "skipped a row without a question")
		return q, false
	}
	var answers []string
	for i := 1; i <= maxCSVAnswers; i++ {
		if a := get(fmt.Sprintf("answer %d", i)); a != "" {
			for len(answers) < i-1 { // keep the numbering of the columns
				answers = append(answers, "")
			}
			answers = append(answers, a)
		}
	}
	var correct []int
	for _, f := range strings.FieldsFunc(get("correct"), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(answers) || answers[n-1] == "" {
			c.report(line, pack.Error, "skipped %q: correct answer %q is not the number of a filled answer column", short(q.Prompt), f)
			return q, false
		}
		correct = append(correct, n-1)
	}
	if len(correct) == 0 {
		c.report(line, pack.Error, "skipped %q: no correct answer given", short(q.Prompt))
		return q, false
	}
	isRight := map[int]bool{}
	for _, i := range correct {
		isRight[i] = true
	}
	var filled []pack.Choice
	for i, a := range answers {
		if a != "" {
			filled = append(filled, pack.Choice{Text: a, Correct: isRight[i]})
		}
	}
	switch {
	case len(filled) == 2 && strings.EqualFold(filled[0].Text, "true") && strings.EqualFold(filled[1].Text, "false"):
		q.Type = pack.TrueFalse
		filled[0].Text, filled[1].Text = "True", "False"
	case len(correct) == 1:
		q.Type = pack.Single
	default:
		q.Type = pack.Multi
	}
	q.Choices = filled
	if t := get("time limit"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			c.report(line, pack.Warning, "%q: time limit %q is not a number of seconds; ignored", short(q.Prompt), t)
		} else {
			q.TimeLimit = min(max(n, 5), 600)
		}
	}
	if d := get("difficulty"); d != "" {
		if n, err := strconv.Atoi(d); err == nil && n >= 1 && n <= 3 {
			q.Difficulty = n
		} else {
			c.report(line, pack.Warning, "%q: difficulty %q is not 1, 2 or 3; 2 is used", short(q.Prompt), d)
		}
	}
	if e := get("evidence"); e != "" {
		q.Evidence = pack.Evidence(strings.ToLower(e))
	}
	if s := get("source"); s != "" || get("doi") != "" || get("pmid") != "" {
		if s == "" {
			s = "Source"
		}
		q.Sources = []pack.Source{{Citation: s, DOI: get("doi"), PMID: get("pmid")}}
	}
	return q, true
}

// csvHeader is the header ToCSV writes.
var csvHeader = []string{"id", "question", "answer 1", "answer 2", "answer 3", "answer 4", "answer 5", "answer 6",
	"time limit", "correct", "difficulty", "evidence", "explanation", "source", "doi", "pmid"}

// ToCSV writes a pack's single, multi and true/false questions as a quiz
// spreadsheet; the other types, and what the columns cannot hold, are
// reported.
func ToCSV(p *pack.Pack) ([]byte, []pack.Diagnostic) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	var diags []pack.Diagnostic
	lost := 0
	for i := range p.Questions {
		q := &p.Questions[i]
		switch q.Type {
		case pack.Single, pack.Multi, pack.TrueFalse:
		default:
			diags = append(diags, pack.Diagnostic{File: p.File, Line: q.Line, Col: 1, Severity: pack.Error,
				Message: fmt.Sprintf("question %q: %s questions do not fit the spreadsheet's answer columns; left out", q.ID, q.Type)})
			continue
		}
		if len(q.Choices) > maxCSVAnswers {
			diags = append(diags, pack.Diagnostic{File: p.File, Line: q.Line, Col: 1, Severity: pack.Error,
				Message: fmt.Sprintf("question %q: %d choices, the spreadsheet has %d answer columns; left out", q.ID, len(q.Choices), maxCSVAnswers)})
			continue
		}
		row := make([]string, len(csvHeader))
		row[0], row[1] = q.ID, q.Prompt
		var right []string
		for k, c := range q.Choices {
			row[2+k] = c.Text
			if c.Correct {
				right = append(right, strconv.Itoa(k+1))
			}
			if c.Rationale != "" || c.Misconception != "" {
				lost++
			}
		}
		if q.TimeLimit > 0 {
			row[8] = strconv.Itoa(q.TimeLimit)
		}
		row[9] = strings.Join(right, ",")
		row[10] = strconv.Itoa(q.Difficulty)
		row[11] = string(q.Evidence)
		row[12] = q.Explanation
		if len(q.Sources) > 0 {
			row[13], row[14], row[15] = q.Sources[0].Citation, q.Sources[0].DOI, q.Sources[0].PMID
		}
		w.Write(row)
	}
	w.Flush()
	if lost > 0 {
		diags = append(diags, pack.Diagnostic{File: p.File, Line: 1, Col: 1, Severity: pack.Warning,
			Message: fmt.Sprintf("the rationales and misconception labels of %d choices have no column and were left out", lost)})
	}
	return buf.Bytes(), diags
}
