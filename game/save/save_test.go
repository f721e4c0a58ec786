package save

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/review"
)

func testPack() *pack.Pack {
	p := &pack.Pack{ID: "p"}
	for _, id := range []string{"a", "b", "c", "d"} {
		p.Questions = append(p.Questions, pack.Question{ID: id, Type: pack.TrueFalse, Difficulty: 1,
			Choices: []pack.Choice{{Text: "True", Correct: true}, {Text: "False"}}})
	}
	return p
}

// playRound answers the pack's questions, right where right[key] is set.
func playRound(t *testing.T, pk *pack.Pack, right map[string]bool) quiz.Summary {
	t.Helper()
	r, err := quiz.New(quiz.Config{Packs: []*pack.Pack{pk}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	for !r.Done() {
		r.Show(now)
		pick := 1
		if right[r.Current().Question.ID] {
			pick = 0
		}
		if _, err := r.Answer(quiz.Answer{Choices: []int{pick}}, now.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		now = now.Add(2 * time.Second)
	}
	return r.Summary(now)
}

func TestProfileRoundTripAndMastery(t *testing.T) {
	dir := t.TempDir()
	st := &Store{Dir: filepath.Join(dir, "gutskin")} // created on first save
	p, notice, err := st.Load("Ada Lovelace")
	if err != nil || notice != "" || len(p.History) != 0 {
		t.Fatalf("fresh load: %v %q %+v", err, notice, p)
	}
	pk := testPack()
	when := time.Date(2026, 11, 26, 11, 0, 0, 0, time.UTC)
	if _, had := p.AddRound(playRound(t, pk, map[string]bool{"a": true, "b": true}), []string{"p"}, when); had {
		t.Errorf("a first round had a previous best")
	}
	// Right after the round every question was just reviewed: recall 1.
	// A day on, the two missed (Again, stability w0) have faded more than
	// the two right (Good, stability w2).
	if m := p.Recall(pk, when); m != 1 {
		t.Errorf("recall at once %v, want 1", m)
	}
	later := when.Add(24 * time.Hour)
	ra, rc := review.Retrievability(p.Memory["p/a"], later), review.Retrievability(p.Memory["p/c"], later)
	if !(ra > rc && rc > 0 && ra < 1) || p.Recall(pk, later) != (2*ra+2*rc)/4 {
		t.Errorf("a day on: right %v, missed %v, pack %v", ra, rc, p.Recall(pk, later))
	}
	if len(p.Log) != 4 || p.Log[0].When != when {
		t.Errorf("log %+v", p.Log)
	}
	prev, had := p.AddRound(playRound(t, pk, map[string]bool{"a": true, "b": true, "c": true}), []string{"p"}, when.Add(time.Hour))
	if !had || prev.Score != 200 {
		t.Errorf("previous best %+v %v, want 200", prev, had)
	}
	if err := st.Save(p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(st.Dir, "profile-Ada-Lovelace.json")); err != nil {
		t.Fatal(err)
	}
	q, notice, err := st.Load("Ada Lovelace")
	if err != nil || notice != "" {
		t.Fatal(err, notice)
	}
	if len(q.History) != 2 || q.Best[BestKey([]string{"p"}, quiz.Accuracy)].Score != 300 || q.Seen(pk) != 4 {
		t.Errorf("reloaded profile differs: %+v", q)
	}
	if s := q.Stats["p/a"]; s.Seen != 2 || s.Right != 2 || !s.LastRight || !s.LastSeen.Equal(when.Add(time.Hour)) {
		t.Errorf("question stats %+v", s)
	}
	if m := q.Memory["p/c"]; m.Reps != 2 || m.Lapses != 0 || !m.Last.Equal(when.Add(time.Hour)) {
		t.Errorf("memory of p/c %+v", m) // Again then Good: no lapse (the first review was not recalled)
	}
	if m := q.Memory["p/d"]; m.Reps != 2 || m.Lapses != 1 {
		t.Errorf("memory of p/d %+v", m)
	}
	if len(q.Log) != 8 || q.Log[7].Rating < review.Again {
		t.Errorf("log after reload %+v", q.Log)
	}
	if got := strings.Join(q.Missed(), ","); got != "p/d" {
		t.Errorf("missed %q, want p/d", got)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(st.Dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the profile", len(entries))
	}
}

func TestCorruptProfileMovedAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("x"))
	for _, bad := range []string{"{not json", `{"name": "no version"}`, `{"version": 1, "history": "oops"}`, "\x00\x01\x02"} {
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		st := &Store{Dir: dir, Now: func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }}
		p, notice, err := st.Load("x")
		if err != nil || p == nil || !strings.Contains(notice, "could not be read") || !strings.Contains(notice, "profile-x.json.damaged-20261126-120000") {
			t.Fatalf("%q: %v %q", bad, err, notice)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("damaged file still in place")
		}
	}
	// Four damaged files kept, none overwritten.
	matches, _ := filepath.Glob(filepath.Join(dir, "*.damaged-*"))
	if len(matches) != 4 {
		t.Errorf("%d damaged files kept, want 4: %v", len(matches), matches)
	}
	for _, m := range matches {
		if data, _ := os.ReadFile(m); len(data) == 0 {
			t.Errorf("%s is empty", m)
		}
	}
}

func TestNewerProfileRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("x"))
	data := []byte(`{"version": 99, "future": true}`)
	os.WriteFile(path, data, 0o644)
	_, _, err := (&Store{Dir: dir}).Load("x")
	if err == nil || !strings.Contains(err.Error(), "newer version") || !strings.Contains(err.Error(), "will not be kept") {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(data) {
		t.Errorf("newer profile was changed")
	}
}

func TestSaveToReadOnlyFolderFails(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores permission bits; use a path under a regular file instead.
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, nil, 0o644)
		if err := (&Store{Dir: filepath.Join(f, "sub")}).Save(New("x")); err == nil {
			t.Errorf("saving under a file succeeded")
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if err := (&Store{Dir: dir}).Save(New("x")); err == nil {
		t.Errorf("saving into a read-only folder succeeded")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"": "profile-default.json", "Ada": "profile-Ada.json", "../../etc/passwd": "profile-etc-passwd.json", "Zoë K": "profile-Zo-K.json"} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHistoryCapped(t *testing.T) {
	p := New("x")
	pk := testPack()
	s := playRound(t, pk, nil)
	for range MaxHistory + 10 {
		p.AddRound(s, []string{"p"}, time.Now())
	}
	if len(p.History) != MaxHistory {
		t.Errorf("history %d, want %d", len(p.History), MaxHistory)
	}
}
