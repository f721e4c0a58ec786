package review

import "gutskin/game/quiz"

// PassCredit is the least partial credit (multi, order, match, estimate)
// that counts as recalled, with difficulty (Hard); below it the answer is
// Again.
const PassCredit = 0.75

// RatingOf turns what the game knows about an answer into an FSRS rating
// (the table is in questions/README.md, "Spaced review"):
//
//   - not answered (skipped, time ran out), or wrong: Again
//   - partial credit below PassCredit: Again; from PassCredit up to but not
//     including full credit: Hard
//   - fully right with a confidence level: Unsure Hard, Fairly sure Good,
//     Sure Easy
//   - fully right without one: Good
func RatingOf(credit float64, conf quiz.Confidence, answered bool) Rating {
	switch {
	case !answered || !(credit >= PassCredit): // also NaN
		return Again
	case credit < 1:
		return Hard
	}
	switch conf {
	case quiz.Unsure:
		return Hard
	case quiz.Sure:
		return Easy
	}
	return Good
}

// RatingOfRecord is RatingOf for an answer recorded in a round.
func RatingOfRecord(r quiz.Record) Rating {
	return RatingOf(r.Credit, r.Answer.Confidence, !r.Skipped && !r.TimedOut)
}
