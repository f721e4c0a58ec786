package classroom

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"gutskin/game/pack"
)

// Lesson is a question set a teacher prepared: the questions, in the order
// the class will be asked them. It is a plain TOML file kept beside the
// packs (in the lessons folder), checked as strictly as a pack:
//
//	title = "Year 10, gut and skin, lesson 3"
//	questions = [
//	  "gut-barrier/single-layer",
//	  "myths-and-evidence/gut-toxins-psoriasis-claim",
//	]
type Lesson struct {
	Title     string
	Questions []string // "pack/question" keys, in the order asked
}

// MaxLessonQuestions bounds a lesson's length.
const MaxLessonQuestions = 100

// ParseLesson reads a lesson file and checks it against the loaded packs.
// It returns the lesson (nil when it cannot be played) and every problem,
// with its line and column, as the pack validator does.
func ParseLesson(name string, data []byte, packs []*pack.Pack) (*Lesson, []pack.Diagnostic) {
	var diags []pack.Diagnostic
	bad := func(line, col int, format string, args ...any) {
		diags = append(diags, pack.Diagnostic{File: name, Line: line, Col: col, Severity: pack.Error, Message: fmt.Sprintf(format, args...)})
	}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		line, col := 1, 1
		msg := err.Error()
		if errors.As(err, &pe) {
			line, col, msg = max(pe.Position.Line, 1), max(pe.Position.Col, 1), pe.Message
		}
		bad(line, col, "TOML syntax: %s", strings.TrimPrefix(msg, "toml: "))
		return nil, diags
	}
	for _, k := range md.Keys() {
		if key := k.String(); key != "title" && key != "questions" {
			line, col := find(data, key+" ", 0)
			bad(line, col, "unknown key %q (a lesson has title and questions)", key)
		}
	}
	l := &Lesson{}
	switch t := raw["title"].(type) {
	case string:
		l.Title = strings.TrimSpace(t)
		if l.Title == "" {
			line, col := find(data, "title", 0)
			bad(line, col, "title is empty")
		}
	case nil:
		bad(0, 0, "no title")
	default:
		line, col := find(data, "title", 0)
		bad(line, col, "title must be a string")
	}
	known := map[string]bool{}
	for _, p := range packs {
		for i := range p.Questions {
			known[p.Questions[i].Key(p)] = true
		}
	}
	list, ok := raw["questions"].([]any)
	switch {
	case raw["questions"] == nil:
		bad(0, 0, "no questions")
	case !ok:
		line, col := find(data, "questions", 0)
		bad(line, col, "questions must be a list of \"pack/question\" ids")
	case len(list) == 0:
		line, col := find(data, "questions", 0)
		bad(line, col, "questions is empty")
	case len(list) > MaxLessonQuestions:
		line, col := find(data, "questions", 0)
		bad(line, col, "%d questions: a lesson has at most %d", len(list), MaxLessonQuestions)
	}
	seen := map[string]bool{}
	from := 0
	if ok {
		from = bytes.Index(data, []byte("questions"))
	}
	for _, v := range list {
		key, isString := v.(string)
		if !isString {
			bad(0, 0, "questions: %v is not a \"pack/question\" id", v)
			continue
		}
		line, col := find(data, strconv.Quote(key), max(from, 0))
		switch {
		case seen[key]:
			bad(line, col, "question %q is listed twice", key)
		case !known[key]:
			bad(line, col, "no question %q in the loaded packs", key)
		}
		seen[key] = true
		l.Questions = append(l.Questions, key)
	}
	if len(diags) > 0 {
		return nil, diags
	}
	return l, nil
}

// find gives the line and column (1-based) of the first s in data at or
// after byte from, or 0, 0 (best effort: TOML does not give key positions).
func find(data []byte, s string, from int) (line, col int) {
	i := bytes.Index(data[min(from, len(data)):], []byte(s))
	if i < 0 {
		return 0, 0
	}
	i += min(from, len(data))
	line = 1 + bytes.Count(data[:i], []byte("\n"))
	col = 1 + i - (bytes.LastIndexByte(data[:i], '\n') + 1)
	return line, col
}

// Encode writes the lesson as its TOML file.
func (l *Lesson) Encode() []byte {
	var b bytes.Buffer
	b.WriteString("# A gutskin lesson: its questions are asked in this order.\n")
	fmt.Fprintf(&b, "title = %s\nquestions = [\n", strconv.Quote(l.Title))
	for _, k := range l.Questions {
		fmt.Fprintf(&b, "  %s,\n", strconv.Quote(k))
	}
	b.WriteString("]\n")
	return b.Bytes()
}
