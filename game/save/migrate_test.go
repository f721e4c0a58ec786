package save

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/review"
)

// keeps reports where saved lacks or changes something orig holds (nil when
// every key and value of orig is in saved), ignoring the paths in skip.
func keeps(path string, orig, saved any, skip map[string]bool) error {
	if skip[path] {
		return nil
	}
	switch o := orig.(type) {
	case map[string]any:
		s, ok := saved.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: became %T", path, saved)
		}
		for k, v := range o {
			sv, ok := s[k]
			if !ok {
				return fmt.Errorf("%s.%s: lost", path, k)
			}
			if err := keeps(path+"."+k, v, sv, skip); err != nil {
				return err
			}
		}
		return nil
	case []any:
		s, ok := saved.([]any)
		if !ok || len(s) != len(o) {
			return fmt.Errorf("%s: %d entries became %v", path, len(o), saved)
		}
		for i := range o {
			if err := keeps(fmt.Sprintf("%s[%d]", path, i), o[i], s[i], skip); err != nil {
				return err
			}
		}
		return nil
	}
	if !reflect.DeepEqual(orig, saved) {
		return fmt.Errorf("%s: %v became %v", path, orig, saved)
	}
	return nil
}

// loadSaveTestdata loads testdata/file through a Store, saves it back, and
// returns the profile and the original and saved files as generic JSON.
func loadSaveTestdata(t *testing.T, file, name string) (*Profile, any, any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	st := &Store{Dir: t.TempDir()}
	if err := os.WriteFile(filepath.Join(st.Dir, FileName(name)), data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, notice, err := st.Load(name)
	if err != nil || notice != "" {
		t.Fatalf("load %s: %v %q", file, err, notice)
	}
	if err := st.Save(p); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join(st.Dir, FileName(name)))
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	return p, a, b
}

func TestCurrentVersionProfileLosesNothing(t *testing.T) {
	p, orig, saved := loadSaveTestdata(t, "profile-v2.json", "Grace")
	if err := keeps("", orig, saved, nil); err != nil {
		t.Fatal(err)
	}
	if len(p.Log) != 4 || p.Log[3] != (Review{Key: "skin-conditions/rosacea-sibo", When: time.Date(2026, 11, 28, 20, 0, 0, 0, time.UTC), Rating: review.Again}) {
		t.Errorf("log %+v", p.Log)
	}
	if m := p.Memory["skin-conditions/acne-diet"]; m.Stability != 10.73892584613159 || m.Reps != 2 || p.Settings.Retention != 0.85 {
		t.Errorf("memory %+v, settings %+v", m, p.Settings)
	}
	// A question gone from its pack (gone-pack is not loaded) stays in the
	// memory and the log through rounds on other packs, and is ignored by
	// the pack's recall.
	pk := &pack.Pack{ID: "skin-conditions", Questions: []pack.Question{{ID: "acne-diet"}, {ID: "new-one"}}}
	now := time.Date(2026, 12, 1, 20, 0, 0, 0, time.UTC)
	want := review.Retrievability(p.Memory["skin-conditions/acne-diet"], now) / 2
	if got := p.Recall(pk, now); got != want {
		t.Errorf("recall %v, want %v", got, want)
	}
	p.AddRound(playRound(t, testPack(), map[string]bool{"a": true}), []string{"p"}, now)
	if _, ok := p.Memory["gone-pack/gone-question"]; !ok || len(p.Log) != 8 || p.Log[0].Key != "gone-pack/gone-question" {
		t.Errorf("the removed question was dropped: %+v", p.Log)
	}
}

func TestMigrateVersion1(t *testing.T) {
	p, orig, saved := loadSaveTestdata(t, "profile-v1.json", "Ada")
	if err := keeps("", orig, saved, map[string]bool{".version": true}); err != nil {
		t.Fatal(err)
	}
	if v := saved.(map[string]any)["version"]; v != float64(Version) {
		t.Errorf("saved as version %v", v)
	}
	// Every question seen gets a memory from its last answer, at the time it
	// was last seen; the log starts empty.
	if len(p.Memory) != 4 || len(p.Log) != 0 {
		t.Fatalf("memory %v, log %v", p.Memory, p.Log)
	}
	tests := []struct {
		key  string
		s    float64
		last time.Time
	}{
		{"gut-barrier/tight-junctions", review.DefaultWeights[2], time.Date(2026, 11, 22, 8, 5, 0, 0, time.UTC)},
		{"gut-barrier/zonulin", review.DefaultWeights[2], time.Date(2026, 11, 20, 18, 30, 0, 0, time.UTC)},
		{"gut-barrier/leaky-gut-claims", review.DefaultWeights[0], time.Date(2026, 11, 20, 18, 30, 0, 0, time.UTC)},
		{"removed-pack/old-question", review.DefaultWeights[0], time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		m := p.Memory[tt.key]
		if m.Stability != tt.s || !m.Last.Equal(tt.last) || m.Reps != 1 {
			t.Errorf("%s: %+v", tt.key, m)
		}
	}
	if !review.IsDue(p.Memory["removed-pack/old-question"], time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("a migrated miss should be due")
	}
}

func TestDamagedMemoryEntriesDropped(t *testing.T) {
	data := []byte(`{"version": 2, "memory": {"a/b": {"stability": -1, "reps": 2}, "a/c": {"stability": 2, "difficulty": 5, "reps": 1}},
		"review_log": [{"q": "a/b", "t": "2026-11-01T08:00:00Z", "r": 7}]}`)
	p, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Memory["a/b"]; ok || len(p.Memory) != 1 || len(p.Log) != 1 {
		t.Errorf("memory %+v log %+v", p.Memory, p.Log)
	}
	// A rating out of range in the log is kept as written, and never
	// trusted: the scheduler treats it as Again.
	m := p.Params().Next(review.Memory{}, p.Log[0].Rating, p.Log[0].When)
	if m.Stability != review.DefaultWeights[0] {
		t.Errorf("bad rating gave %+v", m)
	}
}
