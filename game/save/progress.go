package save

import (
	"time"

	"gutskin/game/pack"
	"gutskin/game/review"
)

// KnownStability is the stability, in days, from which a question counts
// as known (Anki calls such cards mature); below it a reviewed question is
// still being learnt.
const KnownStability = 21

// DayStat is the reviews of one calendar day.
type DayStat struct {
	Day     time.Time // midnight, in now's time zone
	Answers int
	Right   int // rated above Again
}

// PackProgress is where a pack's questions stand.
type PackProgress struct {
	Pack                   *pack.Pack
	Known, Learning, New   int
	WeekAnswers, WeekRight []int // per week, oldest first (see Progress.Weeks)
}

// Progress is what the progress screen shows, computed from the review
// log and the memory at one moment.
type Progress struct {
	Days []DayStat // the last days, oldest first, today last
	// Weeks is the number of weeks in PackProgress.WeekAnswers: week
	// Weeks-1 is the last seven days, week 0 the oldest.
	Weeks int
	Packs []PackProgress // in the order of the packs given
	// Streak is the number of days in a row with at least one review,
	// ending today (or yesterday, when today has none yet).
	Streak int
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Progress summarises the profile at now over the last days days and
// weeks weeks, for the given packs. Log entries of questions no longer in
// a pack count in the days and the streak, not in a pack.
func (p *Profile) Progress(packs []*pack.Pack, now time.Time, days, weeks int) Progress {
	days, weeks = max(days, 1), max(weeks, 1)
	today := midnight(now)
	pr := Progress{Days: make([]DayStat, days), Weeks: weeks}
	for i := range pr.Days {
		pr.Days[i].Day = today.AddDate(0, 0, i-days+1)
	}
	byKey := map[string]int{}
	for i, pk := range packs {
		pp := PackProgress{Pack: pk, WeekAnswers: make([]int, weeks), WeekRight: make([]int, weeks)}
		for j := range pk.Questions {
			k := pk.Questions[j].Key(pk)
			byKey[k] = i
			m, ok := p.Memory[k]
			switch {
			case !ok || m.New():
				pp.New++
			case m.Stability >= KnownStability:
				pp.Known++
			default:
				pp.Learning++
			}
		}
		pr.Packs = append(pr.Packs, pp)
	}
	active := map[int]bool{} // days before today with a review
	for _, e := range p.Log {
		d := review.DaysUntil(e.When, now) // 0 today, negative before
		if d > 0 {
			continue // in the future of now (a clock set back)
		}
		active[-d] = true
		right := e.Rating > review.Again
		if i := days - 1 + d; i >= 0 {
			pr.Days[i].Answers++
			if right {
				pr.Days[i].Right++
			}
		}
		if pi, ok := byKey[e.Key]; ok {
			if w := weeks - 1 - (-d)/7; w >= 0 {
				pr.Packs[pi].WeekAnswers[w]++
				if right {
					pr.Packs[pi].WeekRight[w]++
				}
			}
		}
	}
	start := 0
	if !active[0] {
		start = 1
	}
	for d := start; active[d]; d++ {
		pr.Streak++
	}
	return pr
}
