package classroom

import (
	"strings"
	"testing"
	"time"

	"gutskin/game/quiz"
)

// TestSetupRoundTrip: the set-up a teacher leaves comes back whole, and a
// damaged one is refused rather than half read.
func TestSetupRoundTrip(t *testing.T) {
	good := Setup{Teams: []string{"Équipe Noël", "Zoë & Søren"}, Packs: []string{"gut-barrier"}, Difficulty: 2, Length: 10,
		TimeLimit: 20 * time.Second, Mode: quiz.Confident, ScoreboardEvery: 3, HotSeat: true, Projector: true}
	data, err := good.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeSetup(data)
	if err != nil || strings.Join(back.Teams, "|") != "Équipe Noël|Zoë & Søren" || back.TimeLimit != good.TimeLimit || !back.Projector ||
		back.Mode != quiz.Confident || back.Difficulty != 2 || back.Packs[0] != "gut-barrier" {
		t.Fatalf("%+v %v", back, err)
	}
	tests := []struct{ name, json string }{
		{"garbage", "{nope"},
		{"newer", `{"version": 9, "setup": {"teams": ["A"], "mode": "accuracy"}}`},
		{"no teams", `{"version": 1, "setup": {"teams": [], "mode": "accuracy"}}`},
		{"nine teams", `{"version": 1, "setup": {"teams": ["1","2","3","4","5","6","7","8","9"], "mode": "accuracy"}}`},
		{"twice one name", `{"version": 1, "setup": {"teams": ["A", " A"], "mode": "accuracy"}}`},
		{"unknown scoring", `{"version": 1, "setup": {"teams": ["A"], "mode": "chaos"}}`},
		{"difficulty 7", `{"version": 1, "setup": {"teams": ["A"], "mode": "accuracy", "difficulty": 7}}`},
	}
	for _, tt := range tests {
		if _, err := DecodeSetup([]byte(tt.json)); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
}
