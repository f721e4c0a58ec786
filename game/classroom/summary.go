package classroom

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"
)

// summaryPage is the printable summary. It is laid out for one A4 or
// Letter page at 5 questions and 4 teams: small type, rows never split
// across a page break.
var summaryPage = template.Must(template.New("summary").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gutskin classroom results {{.Date}}</title>
<style>
@page{size:auto;margin:12mm}
body{font-family:system-ui,sans-serif;font-size:10pt;line-height:1.3;margin:1.5em;color:#111}
h1{font-size:16pt;margin:0 0 .2em}h2{font-size:11.5pt;margin:.9em 0 .3em}p{margin:.2em 0}
table{border-collapse:collapse;margin:.3em 0;width:100%}td,th{border:1px solid #999;padding:.15em .4em;text-align:left;vertical-align:top}
tr,li,.podium div{page-break-inside:avoid;break-inside:avoid}
.podium{display:flex;gap:.8em;align-items:flex-end}.podium div{border:2px solid #333;padding:.3em .8em;text-align:center}
.right{color:#0065a8}.wrong{color:#c04a0e}.muted{color:#555}
ul{margin:.2em 0;padding-left:1.4em}
@media print{body{margin:0;font-size:9pt}h1{font-size:14pt}h2{font-size:10.5pt;margin:.6em 0 .2em}}
</style></head><body>
<h1>Classroom results</h1>
<p>{{.When}} · {{.Packs}} · {{.Count}} · scoring: {{.Mode}}{{if .EndedEarly}} · ended early{{end}}</p>
<h2>Podium</h2><div class="podium">{{range .Podium}}<div><strong>{{.Name}}</strong><br>place {{.Rank}}<br>{{.Total}} points</div>{{end}}</div>
<h2>Teams</h2>
<table><tr><th>Place</th><th>Team</th><th>Right answers</th><th>Answer points</th><th>Speed and streak</th><th>By hand</th><th>Total</th></tr>
{{range .Board}}<tr><td>{{.Rank}}</td><td>{{.Name}}</td><td>{{.Right}}</td><td>{{.Correctness}}</td><td>{{.Bonus}}</td><td>{{.Manual}}</td><td>{{.Total}}</td></tr>
{{end}}</table>
<h2>Question by question</h2>
<table><tr><th>#</th><th>Question</th><th>Right</th>{{range .Teams}}<th>{{.}}</th>{{end}}</tr>
{{range .Questions}}<tr><td>{{.Number}}</td><td>{{.Prompt}}</td><td>{{.Right}}</td>{{range .Cells}}<td{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</table>
{{with .Adjustments}}<h2>Points changed by hand</h2><ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
{{end}}<h2>Misconceptions the class fell for</h2>
{{with .Misconceptions}}<ul>{{range .}}<li><strong>{{.Label}}</strong>: {{.Picked}} ({{.Where}})</li>{{end}}</ul>
{{else}}<p>None of the labelled misconceptions was picked.</p>
{{end}}</body></html>
`))

type summaryCell struct{ Text, Class string }

type summaryQuestion struct {
	Number int
	Prompt string
	Right  string // "3 of 4"
	Cells  []summaryCell
}

type summaryMisconception struct{ Label, Picked, Where string }

type summaryData struct {
	Date, When, Packs, Count, Mode string
	EndedEarly                     bool
	Podium, Board                  []Standing
	Teams                          []string
	Questions                      []summaryQuestion
	Adjustments                    []string
	Misconceptions                 []summaryMisconception
}

// plural is "1 team" or "2 teams".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// picked is "picked once" or "picked 3 times".
func picked(n int) string {
	if n == 1 {
		return "picked once"
	}
	return fmt.Sprintf("picked %d times", n)
}

// HTML writes a one-page printable summary: the podium, every team's
// points, each question team by team (with how sure each team was in
// confidence scoring), and the misconceptions the class fell for most,
// named by question number.
func (g *Game) HTML(now time.Time) []byte {
	d := summaryData{Date: now.Format("2006-01-02"), When: now.Format("2 January 2006, 15:04"), Mode: string(g.cfg.Mode),
		EndedEarly: g.s.EndedEarly, Teams: g.cfg.Teams, Count: plural(len(g.s.Records), "question", "questions")}
	var packs []string
	for _, p := range g.cfg.Packs {
		packs = append(packs, p.Title)
	}
	d.Packs = strings.Join(packs, ", ")
	d.Board = g.Scoreboard()
	for _, s := range d.Board {
		if s.Rank <= 3 {
			d.Podium = append(d.Podium, s)
		}
	}
	for _, r := range g.s.Records {
		q := g.items[r.Index].Question
		sq := summaryQuestion{Number: r.Index + 1, Prompt: q.Prompt}
		right := 0
		for _, res := range r.Teams {
			c := summaryCell{}
			switch {
			case r.Skipped:
				c.Text = "skipped"
			case !res.Answered:
				c.Text = "no answer"
			case res.Correct:
				c.Text, c.Class = fmt.Sprintf("right, %d", res.Points.Total), "right"
				right++
			case res.Credit > 0:
				c.Text, c.Class = fmt.Sprintf("partly right, %d", res.Points.Total), "wrong"
			default:
				c.Text, c.Class = fmt.Sprintf("wrong, %d", res.Points.Total), "wrong"
			}
			if conf := g.confidence(res); conf != "" {
				c.Text += " (" + strings.ToLower(conf) + ")"
			}
			sq.Cells = append(sq.Cells, c)
		}
		sq.Right = fmt.Sprintf("%d of %d", right, len(r.Teams))
		if r.Skipped {
			sq.Right = "skipped"
		}
		d.Questions = append(d.Questions, sq)
	}
	for _, a := range g.s.Adjustments {
		line := fmt.Sprintf("%s: %+d after question %d", g.cfg.Teams[a.Team], a.Points, a.After)
		if a.Reason != "" {
			line += " (" + a.Reason + ")"
		}
		d.Adjustments = append(d.Adjustments, line)
	}
	for _, m := range g.Misconceptions() {
		var qs []string
		for _, n := range m.Questions {
			qs = append(qs, fmt.Sprint(n))
		}
		where := "question " + strings.Join(qs, ", ")
		if len(qs) > 1 {
			where = "questions " + strings.Join(qs, ", ")
		}
		d.Misconceptions = append(d.Misconceptions, summaryMisconception{Label: m.Label,
			Picked: picked(m.Teams), Where: where})
	}
	var b bytes.Buffer
	if err := summaryPage.Execute(&b, d); err != nil {
		// The template is fixed and its data plain: this is a bug.
		panic(err)
	}
	return b.Bytes()
}
