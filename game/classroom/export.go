package classroom

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gutskin/game/quiz"
)

// CSVHeader names the columns of the results file: one row per team per
// question, then one per change of points by hand. Correctness points are
// kept apart from speed and streak points.
var CSVHeader = []string{"question", "question_id", "prompt", "team", "answer", "correct", "credit", "confidence",
	"answer_points", "streak_points", "speed_points", "hand_points", "total_points", "seconds"}

// bom starts the CSV: without it, Excel reads UTF-8 as the local code
// page and accented team names come out garbled.
const bom = "\ufeff"

// CSV writes every team's answer and points per question, and the points
// changed by hand, as rows, after a UTF-8 byte order mark.
func (g *Game) CSV() []byte {
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.Write(CSVHeader)
	for _, r := range g.s.Records {
		q := g.items[r.Index].Question
		for t, res := range r.Teams {
			answer, correct := "", "no"
			switch {
			case r.Skipped:
				answer = "(question skipped)"
			case !res.Answered:
				answer = "(no answer)"
			default:
				answer = quiz.Describe(q, res.Answer)
			}
			if res.Correct {
				correct = "yes"
			}
			w.Write([]string{strconv.Itoa(r.Index + 1), r.Key, q.Prompt, g.cfg.Teams[t], answer, correct,
				strconv.FormatFloat(res.Credit, 'f', 2, 64), g.confidence(res), strconv.Itoa(res.Points.Correctness), strconv.Itoa(res.Points.Streak),
				strconv.Itoa(res.Points.Speed), "0", strconv.Itoa(res.Points.Total), strconv.FormatFloat(res.Elapsed.Seconds(), 'f', 1, 64)})
		}
	}
	for _, a := range g.s.Adjustments {
		w.Write([]string{strconv.Itoa(a.After), "", "(points changed by hand)", g.cfg.Teams[a.Team], a.Reason, "", "", "",
			"0", "0", "0", strconv.Itoa(a.Points), strconv.Itoa(a.Points), ""})
	}
	w.Flush()
	return buf.Bytes()
}

// confidence is how sure a team said it was, in confidence scoring ("" in
// the other modes and without an answer); Lock's default when none was
// given is unsure.
func (g *Game) confidence(res TeamResult) string {
	if g.cfg.Mode != quiz.Confident || !res.Answered {
		return ""
	}
	c := res.Answer.Confidence
	if c == quiz.NoConfidence {
		c = quiz.Unsure
	}
	return c.Label()
}

// WriteResults writes the CSV and the HTML summary into dir, named with the
// date and time; an existing file is never overwritten (a number is added).
func (g *Game) WriteResults(dir string, now time.Time) (csvPath, htmlPath string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", err
	}
	base := "gutskin-class-" + now.Format("2006-01-02-1504")
	if csvPath, err = writeNew(dir, base, ".csv", g.CSV()); err != nil {
		return "", "", err
	}
	htmlPath, err = writeNew(dir, base, ".html", g.HTML(now))
	return csvPath, htmlPath, err
}

func writeNew(dir, base, ext string, data []byte) (string, error) {
	for i := 1; i < 1000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		p := filepath.Join(dir, name)
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		return p, werr
	}
	return "", fmt.Errorf("too many result files named %s in %s", base, dir)
}
