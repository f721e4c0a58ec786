package convert

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gutskin/game/pack"
)

// The parts of Moodle's question XML format that a pack can hold. Moodle
// writes this format when a teacher exports a question bank; it keeps what
// GIFT loses (per-answer feedback with its format, images, tags).
type (
	xmlText struct {
		Format string    `xml:"format,attr"`
		Text   string    `xml:"text"`
		Files  []xmlFile `xml:"file"`
	}
	xmlFile struct {
		Name     string `xml:"name,attr"`
		Encoding string `xml:"encoding,attr"`
		Data     string `xml:",chardata"`
	}
	xmlAnswer struct {
		Fraction  string    `xml:"fraction,attr"`
		Format    string    `xml:"format,attr"`
		Text      string    `xml:"text"`
		Feedback  xmlText   `xml:"feedback"`
		Tolerance string    `xml:"tolerance"`
		Files     []xmlFile `xml:"file"`
	}
	xmlSub struct {
		Format string    `xml:"format,attr"`
		Text   string    `xml:"text"`
		Answer xmlAnswer `xml:"answer"`
	}
	xmlUnit struct {
		Multiplier string `xml:"multiplier"`
		Name       string `xml:"unit_name"`
	}
	xmlQuestion struct {
		Type            string      `xml:"type,attr"`
		Category        xmlText     `xml:"category"`
		Name            xmlText     `xml:"name"`
		QuestionText    xmlText     `xml:"questiontext"`
		GeneralFeedback xmlText     `xml:"generalfeedback"`
		Single          string      `xml:"single"`
		Answers         []xmlAnswer `xml:"answer"`
		Subquestions    []xmlSub    `xml:"subquestion"`
		Units           []xmlUnit   `xml:"units>unit"`
		Tags            []string    `xml:"tags>tag>text"`
	}
)

// MaxImportImage bounds an image carried inside a Moodle XML file.
const MaxImportImage = pack.MaxImageSize

// Files are the files a conversion writes beside its pack (images), by path
// relative to the pack's folder.
type Files map[string][]byte

// FromMoodleXML converts a Moodle question bank export into a pack and the
// images it carries. Every question the pack format cannot hold (short
// answer, essay, cloze, ...) is reported at its line and left out; what a
// question loses on the way is reported too. The pack validates.
func FromMoodleXML(name string, data []byte, h Header) (*pack.Pack, Files, []pack.Diagnostic) {
	c := &converter{file: name, ids: map[string]int{}}
	p := h.pack("Imported from " + name + ", a Moodle XML question bank.")
	files := Files{}
	dec := xml.NewDecoder(bytes.NewReader(data))
	category := ""
	sawQuiz := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			c.report(line, pack.Error, "not readable as Moodle XML: %v", plainXML(err))
			break
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "quiz":
			sawQuiz = true
			continue
		case "question":
		default:
			if !sawQuiz {
				line, _ := dec.InputPos()
				c.report(line, pack.Error, "not a Moodle XML question bank: it starts with <%s>, not <quiz>", start.Name.Local)
				return p, nil, c.diags
			}
			continue
		}
		line, _ := dec.InputPos()
		var xq xmlQuestion
		if err := dec.DecodeElement(&xq, &start); err != nil {
			c.report(line, pack.Error, "a question that cannot be read: %v", plainXML(err))
			break
		}
		if xq.Type == "category" {
			category = lastPart(xq.Category.Text)
			continue
		}
		q, ok := c.moodleQuestion(line, &xq, files, p.ID)
		if !ok {
			continue
		}
		if category != "" && !containsString(q.Tags, category) {
			q.Tags = append(q.Tags, category)
		}
		q.Tags = cleanTags(q.Tags)
		p.Questions = append(p.Questions, q)
	}
	if category != "" && (p.Title == "" || p.Title == h.ID) {
		p.Title = category
	}
	c.diags = append(c.diags, playableFS(p, name, files)...)
	for k := range files { // images of questions left out are not written
		if !imageUsed(p, k) {
			delete(files, k)
		}
	}
	sortByLine(c.diags)
	return p, files, c.diags
}

func plainXML(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

func lastPart(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimSpace(s[strings.LastIndex(s, "/")+1:])
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cleanTags keeps tags the pack format accepts: short, distinct, not empty,
// and not the evidence tags an export writes (read back as the level).
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = squeeze(t)
		if t == "" || len([]rune(t)) > 100 || containsString(out, t) || strings.HasPrefix(t, evidenceTag) {
			continue
		}
		out = append(out, t)
	}
	if len(out) > 20 {
		out = out[:20]
	}
	return out
}

func imageUsed(p *pack.Pack, name string) bool {
	for _, q := range p.Questions {
		if q.Image == name {
			return true
		}
	}
	return false
}

// moodleText is a Moodle text field as plain text, read in its format.
func moodleText(format, s string) string {
	switch format {
	case "html", "":
		// Moodle's own exports give html unless told otherwise.
		return htmlText(strings.ReplaceAll(s, "@@PLUGINFILE@@/", ""))
	case "markdown":
		return squeeze(s)
	default: // moodle_auto_format, plain_text
		return squeeze(s)
	}
}

// evidenceTag starts the tag an export writes for the evidence level.
const evidenceTag = "evidence-"

// sourceLine finds the "Source: ..." paragraph an export writes into the
// general feedback.
var sourceLine = regexp.MustCompile(`(?s)<p>Source: (.*?)</p>(?:<p>Design: ([^.<]*)\. Finding: (.*?)</p>)?`)

func (c *converter) moodleQuestion(line int, xq *xmlQuestion, files Files, packID string) (pack.Question, bool) {
	prompt := moodleText(xq.QuestionText.Format, xq.QuestionText.Text)
	title := squeeze(xq.Name.Text)
	name := title
	if name == "" {
		words := strings.Fields(prompt)
		name = strings.Join(words[:min(len(words), 6)], " ")
	}
	q := pack.Question{Prompt: prompt, Difficulty: 2, Line: line, Tags: xq.Tags}
	if q.Prompt == "" {
		q.Prompt = title
	}
	general := xq.GeneralFeedback.Text
	var sources []pack.Source
	for _, m := range sourceLine.FindAllStringSubmatch(general, -1) {
		src := parseSourceText(htmlText(m[1]))
		src.Design, src.Finding = pack.Design(htmlText(m[2])), htmlText(m[3])
		sources = append(sources, src)
	}
	general = sourceLine.ReplaceAllString(general, "")
	q.Explanation = moodleText(xq.GeneralFeedback.Format, general)
	q.Sources = sources
	for _, t := range xq.Tags {
		if lvl, ok := strings.CutPrefix(squeeze(t), evidenceTag); ok {
			q.Evidence = pack.Evidence(lvl)
		}
	}
	kind := xq.Type
	var ok bool
	switch kind {
	case "multichoice":
		ok = c.moodleChoices(line, &q, xq)
	case "truefalse":
		ok = c.moodleTrueFalse(line, &q, xq)
	case "matching":
		ok = c.moodleMatching(line, &q, xq)
	case "numerical":
		ok = c.moodleNumerical(line, &q, xq)
	case "ordering":
		ok = c.moodleOrdering(line, &q, xq)
	case "shortanswer":
		c.report(line, pack.Warning, "skipped a short-answer question %q: the game cannot score typed words", short(q.Prompt))
	case "essay":
		c.report(line, pack.Warning, "skipped an essay question %q: the game cannot score free text", short(q.Prompt))
	case "description":
		c.report(line, pack.Warning, "skipped a description %q: the game asks questions only", short(q.Prompt))
	case "cloze", "multianswer":
		c.report(line, pack.Warning, "skipped an embedded-answers (cloze) question %q: the pack format has no gaps to fill", short(q.Prompt))
	case "":
		c.report(line, pack.Error, "skipped a question without a type")
	default:
		c.report(line, pack.Warning, "skipped a %s question %q: the pack format has no such type", kind, short(q.Prompt))
	}
	if !ok {
		return q, false
	}
	q.ID = c.id(name)
	if img := c.moodleImage(line, xq.QuestionText.Files, files, packID); img != "" {
		q.Image = img
	}
	return q, true
}

// parseSourceText reads "citation doi:10.x/y PMID 123", either identifier
// or both, as an export writes it.
func parseSourceText(s string) pack.Source {
	src := pack.Source{Citation: s}
	if i := strings.LastIndex(src.Citation, " "); i >= 0 && (strings.HasPrefix(src.Citation[i+1:], "https://") || strings.HasPrefix(src.Citation[i+1:], "http://")) {
		src.Citation, src.URL = strings.TrimSpace(src.Citation[:i]), src.Citation[i+1:]
	}
	if i := strings.LastIndex(src.Citation, " PMID "); i >= 0 {
		src.Citation, src.PMID = strings.TrimSpace(src.Citation[:i]), strings.TrimSpace(src.Citation[i+6:])
	}
	if i := strings.LastIndex(src.Citation, " doi:"); i >= 0 {
		src.Citation, src.DOI = strings.TrimSpace(src.Citation[:i]), strings.TrimSpace(src.Citation[i+5:])
	}
	return src
}

// moodleImage writes the question text's first image beside the pack, when
// it is a PNG or JPEG the game can show; others are reported and left out.
func (c *converter) moodleImage(line int, in []xmlFile, files Files, packID string) string {
	for i, f := range in {
		if i > 0 {
			c.report(line, pack.Warning, "only the first image of a question is kept; %q was left out", f.Name)
			continue
		}
		if f.Encoding != "base64" {
			c.report(line, pack.Warning, "image %q is not base64-encoded; left out", f.Name)
			continue
		}
		data, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(f.Data), ""))
		if err != nil || len(data) > MaxImportImage {
			c.report(line, pack.Warning, "image %q cannot be decoded or is over 8 MiB; left out", f.Name)
			continue
		}
		if msg := pack.ImageProblem(bytes.NewReader(data)); msg != "" {
			c.report(line, pack.Warning, "image %q %s; left out", f.Name, msg)
			continue
		}
		base := Slug(strings.TrimSuffix(path.Base(f.Name), path.Ext(f.Name)), 40)
		ext := strings.ToLower(path.Ext(f.Name))
		if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
			ext = ".png"
			if bytes.HasPrefix(data, []byte{0xff, 0xd8}) {
				ext = ".jpg"
			}
		}
		if base == "" {
			base = "image"
		}
		name := packID + "-images/" + base + ext
		for n := 2; files[name] != nil; n++ {
			name = fmt.Sprintf("%s-images/%s-%d%s", packID, base, n, ext)
		}
		files[name] = data
		return name
	}
	return ""
}

// fraction reads an answer's fraction attribute, a percentage.
func fraction(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

func (c *converter) moodleChoices(line int, q *pack.Question, xq *xmlQuestion) bool {
	single := strings.TrimSpace(strings.ToLower(xq.Single)) != "false" && xq.Single != "0"
	full, positive := 0, 0
	var weights []float64
	for _, a := range xq.Answers {
		f := fraction(a.Fraction)
		if f >= 99.99 {
			full++
		}
		if f > 0 {
			positive++
			weights = append(weights, f)
		}
		q.Choices = append(q.Choices, pack.Choice{Text: moodleText(a.Format, a.Text), Rationale: moodleText(a.Feedback.Format, a.Feedback.Text), Correct: f > 0})
	}
	if single && full > 1 {
		c.report(line, pack.Warning, "question %q: %d answers give full credit; it became a multi-answer question, where the player ticks all of them", short(q.Prompt), full)
		single = false
		for i, a := range xq.Answers {
			q.Choices[i].Correct = fraction(a.Fraction) >= 99.99
		}
	}
	if single {
		q.Type = pack.Single
		for i, a := range xq.Answers {
			f := fraction(a.Fraction)
			q.Choices[i].Correct = f >= 99.99
			if f > 0 && f < 99.99 {
				c.report(line, pack.Warning, "question %q: the partial credit (%g%%) of %q was dropped; it counts as wrong", short(q.Prompt), f, short(q.Choices[i].Text))
			}
		}
		return true
	}
	q.Type = pack.Multi
	for _, w := range weights {
		if math.Abs(w-weights[0]) > 0.01 {
			c.report(line, pack.Warning, "question %q: the right answers had different weights; each now counts the same", short(q.Prompt))
			break
		}
	}
	return true
}

func (c *converter) moodleTrueFalse(line int, q *pack.Question, xq *xmlQuestion) bool {
	q.Type = pack.TrueFalse
	t, f := pack.Choice{Text: "True"}, pack.Choice{Text: "False"}
	found := false
	for _, a := range xq.Answers {
		fb := moodleText(a.Feedback.Format, a.Feedback.Text)
		switch strings.ToLower(squeeze(htmlText(a.Text))) {
		case "true":
			t.Correct, t.Rationale = fraction(a.Fraction) >= 99.99, fb
			found = true
		case "false":
			f.Correct, f.Rationale = fraction(a.Fraction) >= 99.99, fb
		}
	}
	if !found || t.Correct == f.Correct {
		c.report(line, pack.Error, "skipped true/false question %q: it does not say which of true and false is right", short(q.Prompt))
		return false
	}
	q.Choices = []pack.Choice{t, f}
	return true
}

func (c *converter) moodleMatching(line int, q *pack.Question, xq *xmlQuestion) bool {
	q.Type = pack.Match
	for _, s := range xq.Subquestions {
		left := moodleText(s.Format, s.Text)
		right := squeeze(htmlText(s.Answer.Text))
		if left == "" {
			// An empty subquestion: its answer is a distractor offered in
			// every list.
			if right != "" {
				q.Distractors = append(q.Distractors, right)
			}
			continue
		}
		q.Pairs = append(q.Pairs, pack.Pair{Left: left, Right: right})
	}
	return true
}

func (c *converter) moodleNumerical(line int, q *pack.Question, xq *xmlQuestion) bool {
	best := -1
	for i, a := range xq.Answers {
		if fraction(a.Fraction) >= 99.99 && strings.TrimSpace(a.Text) != "*" {
			best = i
			break
		}
	}
	if best < 0 {
		c.report(line, pack.Error, "skipped numerical question %q: no answer gives full credit", short(q.Prompt))
		return false
	}
	a := xq.Answers[best]
	ans, err := strconv.ParseFloat(strings.TrimSpace(a.Text), 64)
	tol := 0.0
	if err == nil && strings.TrimSpace(a.Tolerance) != "" {
		tol, err = strconv.ParseFloat(strings.TrimSpace(a.Tolerance), 64)
	}
	if err != nil || math.IsNaN(ans) || math.IsInf(ans, 0) || math.IsNaN(tol) || math.IsInf(tol, 0) {
		c.report(line, pack.Error, "skipped numerical question %q: %q is not a number", short(q.Prompt), short(a.Text))
		return false
	}
	if others := len(xq.Answers) - 1; others > 0 {
		c.report(line, pack.Warning, "question %q: %d other answers (partial credit or feedback for wrong numbers) were dropped; the slider scores closeness instead", short(q.Prompt), others)
	}
	if fb := moodleText(a.Feedback.Format, a.Feedback.Text); fb != "" {
		q.Explanation = strings.TrimSpace(q.Explanation + " " + fb)
	}
	unit := ""
	for _, u := range xq.Units {
		if m := fraction(u.Multiplier); m == 1 && unit == "" {
			unit = squeeze(u.Name)
		}
	}
	if len(xq.Units) > 1 || (len(xq.Units) == 1 && unit == "") {
		c.report(line, pack.Warning, "question %q: the game shows one unit (%q); the other units and their multipliers were dropped", short(q.Prompt), unit)
	}
	tol = math.Abs(tol)
	span := math.Max(math.Max(10*tol, math.Abs(ans)), 1)
	lo, hi := 0.0, ans+1.5*span
	if ans < 0 {
		lo, hi = ans-span, math.Max(ans+1.5*span, 0)
	}
	q.Type = pack.Estimate
	q.Estimate = &pack.EstimateSpec{Answer: ans, Min: lo, Max: hi, Unit: unit, Scale: pack.Linear, Tolerance: tol}
	return true
}

func (c *converter) moodleOrdering(line int, q *pack.Question, xq *xmlQuestion) bool {
	q.Type = pack.Order
	// The ordering question type lists its items in the right order.
	for _, a := range xq.Answers {
		q.Steps = append(q.Steps, moodleText(a.Format, a.Text))
	}
	return true
}

// ToMoodleXML writes a pack as a Moodle XML question bank: every type,
// with each choice's rationale as its feedback, the explanation as the
// general feedback (followed by a "Source:" paragraph per source, which an
// import reads back), tags, the evidence level as a tag, a match question's
// distractors as empty subquestions, an order question as Moodle's
// ordering type, and the question's image inside its text. What Moodle has
// no place for (misconception labels, a log scale) is reported.
func ToMoodleXML(p *pack.Pack) ([]byte, []pack.Diagnostic) {
	var b bytes.Buffer
	var diags []pack.Diagnostic
	report := func(q *pack.Question, msg string) {
		diags = append(diags, pack.Diagnostic{File: p.File, Line: q.Line, Col: 1, Severity: pack.Warning, Message: fmt.Sprintf("question %q: %s", q.ID, msg)})
	}
	esc := func(s string) string {
		var w strings.Builder
		xml.EscapeText(&w, []byte(s))
		return w.String()
	}
	// html is a text as Moodle's html format: escaped, in a paragraph.
	html := func(s string) string { return "<p>" + esc(s) + "</p>" }
	text := func(tag, attrs, body string) {
		fmt.Fprintf(&b, "    <%s%s format=\"html\"><text><![CDATA[%s]]></text></%s>\n", tag, attrs, cdata(body), tag)
	}
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n")
	fmt.Fprintf(&b, "  <question type=\"category\">\n    <category><text>$course$/top/%s</text></category>\n  </question>\n", esc(p.Title))
	misconceptions := 0
	for i := range p.Questions {
		q := &p.Questions[i]
		kind := map[pack.Type]string{pack.Single: "multichoice", pack.Multi: "multichoice", pack.TrueFalse: "truefalse",
			pack.Match: "matching", pack.Estimate: "numerical", pack.Order: "ordering"}[q.Type]
		fmt.Fprintf(&b, "  <question type=%q>\n    <name><text>%s</text></name>\n", kind, esc(q.ID))
		body := html(q.Prompt)
		var file string
		if q.Image != "" {
			if data, err := readImage(p, q); err == nil {
				name := path.Base(q.Image)
				body += fmt.Sprintf(`<p><img src="@@PLUGINFILE@@/%s" alt=""></p>`, esc(name))
				file = fmt.Sprintf("      <file name=%q path=\"/\" encoding=\"base64\">%s</file>\n", name, base64.StdEncoding.EncodeToString(data))
			} else {
				report(q, "its image cannot be read and was left out")
			}
		}
		fmt.Fprintf(&b, "    <questiontext format=\"html\">\n      <text><![CDATA[%s]]></text>\n%s    </questiontext>\n", cdata(body), file)
		general := ""
		if q.Explanation != "" {
			general = html(q.Explanation)
		}
		for _, s := range q.Sources {
			line := s.Citation
			if s.DOI != "" {
				line += " doi:" + s.DOI
			}
			if s.PMID != "" {
				line += " PMID " + s.PMID
			}
			if s.URL != "" {
				line += " " + s.URL
			}
			general += "<p>Source: " + esc(line) + "</p>"
			if s.Design != "" || s.Finding != "" {
				general += "<p>Design: " + esc(string(s.Design)) + ". Finding: " + esc(s.Finding) + "</p>"
			}
		}
		text("generalfeedback", "", general)
		fmt.Fprintf(&b, "    <defaultgrade>1</defaultgrade>\n")
		answer := func(fraction float64, txt, fb string) {
			fmt.Fprintf(&b, "    <answer fraction=%q format=\"html\">\n      <text><![CDATA[%s]]></text>\n      <feedback format=\"html\"><text><![CDATA[%s]]></text></feedback>\n    </answer>\n",
				strconv.FormatFloat(fraction, 'f', -1, 64), cdata(html(txt)), cdata(htmlIf(fb, html)))
		}
		switch q.Type {
		case pack.Single, pack.Multi:
			single := q.Type == pack.Single
			fmt.Fprintf(&b, "    <single>%t</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n", single)
			right, wrong := len(q.Correct()), len(q.Choices)-len(q.Correct())
			for _, c := range q.Choices {
				f := 0.0
				switch {
				case c.Correct && single:
					f = 100
				case c.Correct:
					f = roundFraction(100 / float64(right))
				case !single:
					f = -roundFraction(100 / float64(max(wrong, 1)))
				}
				answer(f, c.Text, c.Rationale)
			}
		case pack.TrueFalse:
			for _, c := range q.Choices {
				f := 0.0
				if c.Correct {
					f = 100
				}
				fmt.Fprintf(&b, "    <answer fraction=\"%g\" format=\"moodle_auto_format\">\n      <text>%s</text>\n      <feedback format=\"html\"><text><![CDATA[%s]]></text></feedback>\n    </answer>\n",
					f, strings.ToLower(c.Text), cdata(htmlIf(c.Rationale, html)))
			}
		case pack.Match:
			b.WriteString("    <shuffleanswers>true</shuffleanswers>\n")
			for _, pr := range q.Pairs {
				fmt.Fprintf(&b, "    <subquestion format=\"html\">\n      <text><![CDATA[%s]]></text>\n      <answer><text>%s</text></answer>\n    </subquestion>\n", cdata(html(pr.Left)), esc(pr.Right))
			}
			for _, d := range q.Distractors {
				fmt.Fprintf(&b, "    <subquestion format=\"html\">\n      <text></text>\n      <answer><text>%s</text></answer>\n    </subquestion>\n", esc(d))
			}
			if hasPairRationale(q) {
				report(q, "the pairs' rationales have no place in Moodle's matching questions and were left out")
			}
		case pack.Estimate:
			e := q.Estimate
			tol := e.Tolerance
			if e.Scale == pack.Log {
				tol = e.Answer * (e.Tolerance - 1)
				report(q, "Moodle keeps an absolute tolerance: the log scale is lost")
			}
			fmt.Fprintf(&b, "    <answer fraction=\"100\" format=\"moodle_auto_format\">\n      <text>%s</text>\n      <tolerance>%s</tolerance>\n      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n",
				strconv.FormatFloat(e.Answer, 'g', -1, 64), strconv.FormatFloat(tol, 'g', -1, 64))
			if e.Unit != "" {
				fmt.Fprintf(&b, "    <units>\n      <unit><multiplier>1</multiplier><unit_name>%s</unit_name></unit>\n    </units>\n", esc(e.Unit))
			}
		case pack.Order:
			b.WriteString("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n")
			for k, s := range q.Steps {
				fmt.Fprintf(&b, "    <answer fraction=\"%d\" format=\"moodle_auto_format\">\n      <text>%s</text>\n    </answer>\n", k+1, esc(s))
			}
		}
		tags := append([]string{}, q.Tags...)
		if q.Evidence != pack.NoEvidence {
			tags = append(tags, evidenceTag+string(q.Evidence))
		}
		if len(tags) > 0 {
			b.WriteString("    <tags>\n")
			for _, t := range tags {
				fmt.Fprintf(&b, "      <tag><text>%s</text></tag>\n", esc(t))
			}
			b.WriteString("    </tags>\n")
		}
		b.WriteString("  </question>\n")
		for _, c := range q.Choices {
			if c.Misconception != "" {
				misconceptions++
			}
		}
	}
	b.WriteString("</quiz>\n")
	if misconceptions > 0 {
		diags = append(diags, pack.Diagnostic{File: p.File, Line: 1, Col: 1, Severity: pack.Warning,
			Message: fmt.Sprintf("%d misconception labels have no place in Moodle XML and were left out", misconceptions)})
	}
	return b.Bytes(), diags
}

// cdata keeps a text inside a CDATA section whatever it holds.
func cdata(s string) string { return strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") }

func htmlIf(s string, html func(string) string) string {
	if s == "" {
		return ""
	}
	return html(s)
}

// roundFraction gives a fraction as Moodle writes it (33.33333).
func roundFraction(f float64) float64 { return math.Round(f*1e5) / 1e5 }

func hasPairRationale(q *pack.Question) bool {
	for _, pr := range q.Pairs {
		if pr.Rationale != "" {
			return true
		}
	}
	return false
}

func readImage(p *pack.Pack, q *pack.Question) ([]byte, error) {
	f, err := p.OpenImage(q)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, pack.MaxImageSize+1))
}
