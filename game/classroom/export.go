package classroom

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gutskin/game/quiz"
)

// CSVHeader names the columns of the results file: one row per team per
// question, then one per change of points by hand. Correctness points are
// kept apart from speed and streak points.
var CSVHeader = []string{"question", "question_id", "prompt", "team", "answer", "correct", "credit",
	"answer_points", "streak_points", "speed_points", "hand_points", "total_points", "seconds"}

// CSV writes every team's answer and points per question, and the points
// changed by hand, as rows.
func (g *Game) CSV() []byte {
	var buf bytes.Buffer
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
				strconv.FormatFloat(res.Credit, 'f', 2, 64), strconv.Itoa(res.Points.Correctness), strconv.Itoa(res.Points.Streak),
				strconv.Itoa(res.Points.Speed), "0", strconv.Itoa(res.Points.Total), strconv.FormatFloat(res.Elapsed.Seconds(), 'f', 1, 64)})
		}
	}
	for _, a := range g.s.Adjustments {
		w.Write([]string{strconv.Itoa(a.After), "", "(points changed by hand)", g.cfg.Teams[a.Team], a.Reason, "", "",
			"0", "0", "0", strconv.Itoa(a.Points), strconv.Itoa(a.Points), ""})
	}
	w.Flush()
	return buf.Bytes()
}

// HTML writes a one-page printable summary: the podium, every team's
// points, each question team by team, and the misconceptions the class
// fell for most.
func (g *Game) HTML(now time.Time) []byte {
	var b strings.Builder
	e := html.EscapeString
	var packs []string
	for _, p := range g.cfg.Packs {
		packs = append(packs, p.Title)
	}
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gutskin classroom results %s</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;color:#111}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}
.podium{display:flex;gap:1em;align-items:flex-end}.podium div{border:2px solid #333;padding:.5em 1em;text-align:center}
.right{color:#0065a8}.wrong{color:#c04a0e}@media print{body{margin:1cm}}
</style></head><body>
<h1>Classroom results</h1>
<p>%s · %s · %d questions · scoring: %s%s</p>
`, now.Format("2006-01-02"), e(now.Format("2 January 2006, 15:04")), e(strings.Join(packs, ", ")), len(g.s.Records), e(string(g.cfg.Mode)),
		map[bool]string{true: " · ended early", false: ""}[g.s.EndedEarly])
	board := g.Scoreboard()
	b.WriteString("<h2>Podium</h2><div class=\"podium\">")
	for _, s := range board {
		if s.Rank > 3 {
			break
		}
		fmt.Fprintf(&b, "<div><strong>%s</strong><br>place %d<br>%d points</div>", e(s.Name), s.Rank, s.Total)
	}
	b.WriteString("</div>\n<h2>Teams</h2><table><tr><th>Place</th><th>Team</th><th>Right answers</th><th>Answer points</th><th>Speed and streak</th><th>By hand</th><th>Total</th></tr>")
	for _, s := range board {
		fmt.Fprintf(&b, "<tr><td>%d</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>", s.Rank, e(s.Name), s.Right, s.Correctness, s.Bonus, s.Manual, s.Total)
	}
	b.WriteString("</table>\n<h2>Question by question</h2><table><tr><th>#</th><th>Question</th>")
	for _, t := range g.cfg.Teams {
		fmt.Fprintf(&b, "<th>%s</th>", e(t))
	}
	b.WriteString("</tr>")
	for _, r := range g.s.Records {
		q := g.items[r.Index].Question
		fmt.Fprintf(&b, "<tr><td>%d</td><td>%s</td>", r.Index+1, e(q.Prompt))
		for _, res := range r.Teams {
			switch {
			case r.Skipped:
				b.WriteString("<td>skipped</td>")
			case !res.Answered:
				b.WriteString("<td>no answer</td>")
			case res.Correct:
				fmt.Fprintf(&b, `<td class="right">right, %d</td>`, res.Points.Total)
			default:
				fmt.Fprintf(&b, `<td class="wrong">%s, %d</td>`, map[bool]string{true: "partly right", false: "wrong"}[res.Credit > 0], res.Points.Total)
			}
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table>\n")
	if adj := g.s.Adjustments; len(adj) > 0 {
		b.WriteString("<h2>Points changed by hand</h2><ul>")
		for _, a := range adj {
			fmt.Fprintf(&b, "<li>%s: %+d after question %d%s</li>", e(g.cfg.Teams[a.Team]), a.Points, a.After, map[bool]string{true: " (" + e(a.Reason) + ")", false: ""}[a.Reason != ""])
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("<h2>Misconceptions the class fell for</h2>")
	if ms := g.Misconceptions(); len(ms) == 0 {
		b.WriteString("<p>None of the labelled misconceptions was picked.</p>")
	} else {
		b.WriteString("<ul>")
		for _, m := range ms {
			fmt.Fprintf(&b, "<li><strong>%s</strong>: picked %d times (%s)</li>", e(m.Label), m.Teams, e(m.Key))
		}
		b.WriteString("</ul>")
	}
	b.WriteString("\n</body></html>\n")
	return []byte(b.String())
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
