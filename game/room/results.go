package room

import (
	"bytes"
	"encoding/csv"
	"html/template"
	"os"
	"strconv"
	"strings"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/quiz"
)

// CSV is every student's answer to every finished question, one row each:
// name, team, question, answer, right or not, points and confidence, and
// the misconception a wrong choice stands for. It starts with a BOM so
// spreadsheets read it as UTF-8.
func (r *Room) CSV() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Write([]string{"student", "team", "question", "id", "answer", "right", "credit", "points", "confidence", "misconceptions"})
	teams := r.game.Teams()
	recs := r.game.Records()
	for _, s := range r.students {
		if s.Removed {
			continue
		}
		for i, rec := range recs {
			if rec.Skipped || i >= len(r.results) {
				continue
			}
			q := r.game.Items()[rec.Index].Question
			x := Result{}
			if s.ID < len(r.results[i]) {
				x = r.results[i][s.ID]
			}
			right := "no"
			switch {
			case !x.Answered:
				right = "no answer"
			case x.Correct:
				right = "yes"
			case x.Credit > 0:
				right = "partly"
			}
			conf := ""
			if x.Answered && r.game.Config().Mode == quiz.Confident {
				conf = x.Answer.Confidence.Label()
			}
			team := ""
			if r.grouped {
				team = teams[s.Team]
			}
			w.Write([]string{s.Name, team, strconv.Itoa(rec.Index + 1), rec.Key, quiz.Describe(q, x.Answer), right,
				strconv.FormatFloat(x.Credit, 'f', 2, 64), strconv.Itoa(x.Points.Total), conf, strings.Join(r.fellFor(i, s.ID), "; ")})
		}
	}
	w.Flush()
	return b.Bytes()
}

// fellFor lists the misconceptions of the wrong choices a student picked
// on the question of record i.
func (r *Room) fellFor(i, id int) []string {
	rec := r.game.Records()[i]
	q := r.game.Items()[rec.Index].Question
	var out []string
	if id >= len(r.results[i]) {
		return nil
	}
	for _, c := range r.results[i][id].Answer.Choices {
		if c >= 0 && c < len(q.Choices) && !q.Choices[c].Correct && q.Choices[c].Misconception != "" {
			out = append(out, q.Choices[c].Misconception)
		}
	}
	return out
}

var summaryPage = template.Must(template.New("phones").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gutskin class results {{.Date}}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}th{background:#eee}</style>
</head><body>
<h1>Class results, {{.Date}}</h1>
<p>{{.Students}} students, {{.Questions}} questions.</p>
<table><tr><th>Rank</th><th>Student</th>{{if .Grouped}}<th>Team</th>{{end}}<th>Points</th><th>Fully right</th><th>Misconceptions picked</th></tr>
{{range .Rows}}<tr><td>{{.Rank}}</td><td>{{.Name}}</td>{{if $.Grouped}}<td>{{.Team}}</td>{{end}}<td>{{.Points}}</td><td>{{.Right}}</td><td>{{.Fell}}</td></tr>
{{end}}</table>
{{if .Teams}}<h2>Teams (mean points per student)</h2>
<table><tr><th>Rank</th><th>Team</th><th>Students</th><th>Points</th></tr>
{{range .Teams}}<tr><td>{{.Rank}}</td><td>{{.Name}}</td><td>{{.Members}}</td><td>{{.Points}}</td></tr>{{end}}</table>{{end}}
</body></html>
`))

// HTML is a one-page summary of the students' results; names are
// escaped.
func (r *Room) HTML(now time.Time) []byte {
	type row struct {
		Rank, Points, Right int
		Name, Team, Fell    string
	}
	st := r.Standings()
	teams := r.TeamStandings()
	r.mu.Lock()
	data := struct {
		Date                string
		Students, Questions int
		Grouped             bool
		Rows                []row
		Teams               []TeamStanding
	}{Date: now.Format("2 January 2006 15:04"), Students: len(st), Questions: len(r.results), Grouped: r.grouped, Teams: teams}
	for _, s := range st {
		var fell []string
		for i := range r.results {
			fell = append(fell, r.fellFor(i, s.ID)...)
		}
		x := row{Rank: s.Rank, Points: s.Points, Right: s.Right, Name: s.Name, Fell: strings.Join(fell, ", ")}
		if r.grouped {
			x.Team = r.game.Teams()[s.Team]
		}
		data.Rows = append(data.Rows, x)
	}
	r.mu.Unlock()
	var b bytes.Buffer
	summaryPage.Execute(&b, data)
	return b.Bytes()
}

// WriteResults writes the students' CSV and HTML summary as new files in
// dir, named with the date.
func (r *Room) WriteResults(dir string, now time.Time) (csvPath, htmlPath string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", err
	}
	base := "gutskin-phones-" + now.Format("2006-01-02-1504")
	if csvPath, err = classroom.WriteNew(dir, base, ".csv", r.CSV()); err != nil {
		return "", "", err
	}
	htmlPath, err = classroom.WriteNew(dir, base, ".html", r.HTML(now))
	return csvPath, htmlPath, err
}
