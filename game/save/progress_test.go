package save

import (
	"slices"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/review"
)

func TestProgress(t *testing.T) {
	now := time.Date(2026, 12, 20, 10, 0, 0, 0, time.UTC)
	ago := func(days int, hour int) time.Time {
		return time.Date(2026, 12, 20-days, hour, 0, 0, 0, time.UTC)
	}
	p := New("x")
	p.Log = []Review{
		{"p/a", ago(20, 9), review.Good}, // week 0 of 3 (days 14-20 ago)
		{"p/a", ago(3, 9), review.Again}, // week 2
		{"p/b", ago(2, 23), review.Hard},
		{"p/b", ago(1, 8), review.Good},
		{"gone/q", ago(1, 9), review.Easy}, // a question no pack holds
		{"p/c", ago(0, 7), review.Again},
		{"p/c", ago(0, 8), review.Good},
		{"p/a", now.AddDate(0, 0, 2), review.Good}, // after now: ignored
	}
	p.Memory = map[string]review.Memory{
		"p/a": {Reps: 3, Stability: 30},
		"p/b": {Reps: 2, Stability: 5},
		"p/c": {Reps: 2, Stability: 20.9},
	}
	pk := &pack.Pack{ID: "p", Questions: []pack.Question{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}}
	pr := p.Progress([]*pack.Pack{pk}, now, 4, 3)
	var answers, right []int
	for _, d := range pr.Days {
		answers, right = append(answers, d.Answers), append(right, d.Right)
	}
	if !slices.Equal(answers, []int{1, 1, 2, 2}) || !slices.Equal(right, []int{0, 1, 2, 1}) {
		t.Errorf("days: answers %v right %v", answers, right)
	}
	if !pr.Days[3].Day.Equal(time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)) || !pr.Days[0].Day.Equal(time.Date(2026, 12, 17, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("day labels %v .. %v", pr.Days[0].Day, pr.Days[3].Day)
	}
	pp := pr.Packs[0]
	if pp.Known != 1 || pp.Learning != 2 || pp.New != 1 {
		t.Errorf("known/learning/new %d/%d/%d", pp.Known, pp.Learning, pp.New)
	}
	if !slices.Equal(pp.WeekAnswers, []int{1, 0, 5}) || !slices.Equal(pp.WeekRight, []int{1, 0, 3}) {
		t.Errorf("weeks %v right %v", pp.WeekAnswers, pp.WeekRight)
	}
	if pr.Streak != 4 {
		t.Errorf("streak %d, want 4", pr.Streak)
	}
	tests := []struct {
		name string
		log  []Review
		want int
	}{
		{"nothing", nil, 0},
		{"yesterday and the day before, none today yet", []Review{{"p/a", ago(2, 9), review.Good}, {"p/a", ago(1, 9), review.Good}}, 2},
		{"a gap breaks it", []Review{{"p/a", ago(3, 9), review.Good}, {"p/a", ago(0, 9), review.Good}}, 1},
		{"two days ago only", []Review{{"p/a", ago(2, 9), review.Good}}, 0},
	}
	for _, tt := range tests {
		p.Log = tt.log
		if got := p.Progress(nil, now, 7, 1).Streak; got != tt.want {
			t.Errorf("%s: streak %d, want %d", tt.name, got, tt.want)
		}
	}
}

// BenchmarkProgress computes the progress screen's figures from a full
// review log (MaxLog entries) over the shipped packs' size.
func BenchmarkProgress(b *testing.B) {
	p := New("x")
	var packs []*pack.Pack
	for i := range 9 {
		pk := &pack.Pack{ID: string(rune('a' + i))}
		for j := range 18 {
			pk.Questions = append(pk.Questions, pack.Question{ID: string(rune('a' + j))})
			p.Memory[pk.Questions[j].Key(pk)] = review.Memory{Reps: 1, Stability: float64(j)}
		}
		packs = append(packs, pk)
	}
	now := time.Date(2026, 12, 20, 10, 0, 0, 0, time.UTC)
	for i := range MaxLog {
		pk := packs[i%9]
		p.Log = append(p.Log, Review{Key: pk.Questions[i%18].Key(pk), When: now.Add(-time.Duration(i) * time.Minute), Rating: review.Rating(1 + i%4)})
	}
	b.ReportAllocs()
	for b.Loop() {
		p.Progress(packs, now, 84, 12)
	}
}
