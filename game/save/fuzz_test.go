package save

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzDecodeProfile feeds arbitrary bytes to the profile reader: it must
// never panic, and a profile it accepts must survive a save and a reload.
func FuzzDecodeProfile(f *testing.F) {
	p := New("fuzz")
	p.History = append(p.History, RoundResult{When: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), Packs: []string{"a"}, Mode: "accuracy", Questions: 3, Correct: 2, Score: 200})
	p.Best["a@accuracy"] = Best{Score: 200}
	p.Stats["a/q"] = QuestionStat{Seen: 2, Right: 1, LastRight: true}
	good, _ := json.Marshal(p)
	f.Add(good)
	f.Add([]byte(`{"version": 1}`))
	f.Add([]byte(`{"version": 2}`))
	f.Add([]byte(`{"version": 1, "history": [{"when": "not a time"}]}`))
	f.Add([]byte(`{"version": 1, "questions": {"a/q": {"seen": -5}}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte{0xff, 0xfe})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode(data)
		if err != nil {
			return
		}
		if p.Version != Version || p.Best == nil || p.Stats == nil {
			t.Fatalf("accepted profile is incomplete: %+v", p)
		}
		again, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("accepted profile cannot be saved: %v", err)
		}
		if _, err := Decode(again); err != nil {
			t.Fatalf("a saved profile does not reload: %v", err)
		}
	})
}
