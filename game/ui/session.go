package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/review"
	"gutskin/game/save"
)

// roundPrefs are the round set-up choices, kept for the session so that
// "Play again" and the map's nodes reuse them.
type roundPrefs struct {
	packs      []string // pack ids; empty means every pack
	length     int      // 0 means all
	difficulty int      // 0 means any
	mode       quiz.Mode
	timer      int // index into timerChoices
}

// timerChoices are the per-question times: off, normal, extended (for
// slower readers and for reading aloud).
var timerChoices = []struct {
	label string
	d     time.Duration
}{{"Off", 0}, {"Normal (30 s)", 30 * time.Second}, {"Extended (60 s)", 60 * time.Second}}

var lengthChoices = []int{5, 10, 20, 0}

func defaultPrefs() roundPrefs { return roundPrefs{length: 10, mode: quiz.Accuracy} }

// prefsFrom reads the set-up saved in a profile, keeping the defaults for
// anything missing or out of range (a hand-edited or older save).
func prefsFrom(r *save.RoundSetup) roundPrefs {
	p := defaultPrefs()
	if r == nil {
		return p
	}
	p.packs = append([]string(nil), r.Packs...)
	if slices.Contains(lengthChoices, r.Length) {
		p.length = r.Length
	}
	if r.Difficulty >= 0 && r.Difficulty <= 3 {
		p.difficulty = r.Difficulty
	}
	if m := quiz.Mode(r.Mode); slices.Contains(quiz.Modes, m) {
		p.mode = m
	}
	if r.Timer >= 0 && r.Timer < len(timerChoices) {
		p.timer = r.Timer
	}
	return p
}

// setup is the prefs as saved in a profile.
func (p roundPrefs) setup() *save.RoundSetup {
	return &save.RoundSetup{Packs: append([]string(nil), p.packs...), Length: p.length, Difficulty: p.difficulty, Mode: string(p.mode), Timer: p.timer}
}

func (p roundPrefs) withPacks(ps []*pack.Pack) roundPrefs {
	p.packs = nil
	for _, pk := range ps {
		p.packs = append(p.packs, pk.ID)
	}
	return p
}

// chosen returns the loaded packs the prefs name (all when none are named).
func (p roundPrefs) chosen(all []*pack.Pack) []*pack.Pack {
	if len(p.packs) == 0 {
		return all
	}
	var out []*pack.Pack
	for _, pk := range all {
		if slices.Contains(p.packs, pk.ID) {
			out = append(out, pk)
		}
	}
	return out
}

// startRound builds a round from prefs and opens its first card.
func (a *App) startRound(p roundPrefs) {
	a.prefs = p
	packs := p.chosen(a.Packs())
	r, err := quiz.New(quiz.Config{Packs: packs, Difficulty: p.difficulty, Length: p.length,
		Seed: a.opts.Seed(), Mode: p.mode, TimeLimit: timerChoices[p.timer].d})
	if err != nil {
		a.showToast("Cannot start: " + err.Error())
		return
	}
	a.goTo(newPlay(a, r, packs, false))
}

// startMapRound plays one pack from the title's map with the last set-up's
// other choices, and says which scoring mode that is (it would otherwise
// come as a surprise).
func (a *App) startMapRound(pk *pack.Pack) {
	a.startRound(a.prefs.withPacks([]*pack.Pack{pk}))
	if _, ok := a.scene.(*playScene); ok {
		a.showToast(modeNames[a.prefs.mode] + " scoring, as last set up (Play changes it)")
	}
}

// modeNames name the scoring modes as the set-up shows them.
var modeNames = map[quiz.Mode]string{quiz.Accuracy: "Accuracy", quiz.Standard: "Standard", quiz.Confident: "Confidence"}

// loadedKeys lists the "pack/question" keys of every loaded pack, in pack
// order. Questions saved in the profile but gone from their packs are not
// in it, and so are never asked.
func (a *App) loadedKeys() []string {
	var out []string
	for _, p := range a.Packs() {
		for i := range p.Questions {
			out = append(out, p.Questions[i].Key(p))
		}
	}
	return out
}

// dueNow is the number of questions of the loaded packs due for review now.
func (a *App) dueNow() int {
	return len(review.Due(a.loadedKeys(), a.profile.Memory, a.now()))
}

// reviewLength is the length of a review round: the chosen round length,
// or 20 when it is "All".
func (a *App) reviewLength() int {
	if a.prefs.length > 0 {
		return a.prefs.length
	}
	return 20
}

// startReview plays a spaced-review round: the questions due now across
// all packs, most overdue first, then new ones up to the round length.
func (a *App) startReview() {
	keys := a.loadedKeys()
	seed := a.opts.Seed()
	rand.New(rand.NewPCG(seed, 7)).Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	pick := review.Select(keys, a.profile.Memory, a.now(), a.reviewLength())
	if len(pick) == 0 {
		a.showToast("Nothing to review: no question is due and every question has been met")
		return
	}
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: pick, Seed: seed,
		Mode: a.prefs.mode, TimeLimit: timerChoices[a.prefs.timer].d})
	if err != nil {
		a.showToast("Cannot start: " + err.Error())
		return
	}
	a.goTo(newPlay(a, r, a.Packs(), true))
}

// nextReviewsText says when the next reviews of the loaded packs fall, as
// "next: 4 tomorrow, 11 in 3 days" ("" when none is scheduled).
func (a *App) nextReviewsText() string {
	return review.NextText(review.Upcoming(a.loadedKeys(), a.profile.Memory, a.now()), 3)
}

// reviewMax is the length of a review round at most.
const reviewMax = 20

// missedLabel names the button that starts a review of keys, with the
// number of questions that review will have.
func missedLabel(keys []string) string {
	return fmt.Sprintf("Review missed (%d)", min(len(keys), reviewMax))
}

// startReviewOf plays a review of the questions keys name.
func (a *App) startReviewOf(keys []string) {
	if len(keys) == 0 {
		a.showToast("Nothing to review: no question was missed last time it was asked")
		return
	}
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: keys, Length: reviewMax, Seed: a.opts.Seed(),
		Mode: a.prefs.mode, TimeLimit: timerChoices[a.prefs.timer].d})
	if err != nil {
		a.showToast("Cannot start: " + err.Error())
		return
	}
	a.goTo(newPlay(a, r, a.Packs(), true))
}

func (a *App) profileName() string {
	if strings.TrimSpace(a.profile.Name) == "" {
		return "default"
	}
	return a.profile.Name
}

// noticeText is what the title screen must tell about saving.
func (a *App) noticeText() string {
	var parts []string
	if a.notice != "" {
		parts = append(parts, a.notice)
	}
	if a.saveProblem != "" {
		parts = append(parts, "Scores are not being saved: "+a.saveProblem)
	}
	return strings.Join(parts, " ")
}
