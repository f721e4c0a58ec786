package review

import (
	"math"
	"testing"

	"gutskin/game/quiz"
)

func TestRatingOf(t *testing.T) {
	tests := []struct {
		name     string
		credit   float64
		conf     quiz.Confidence
		answered bool
		want     Rating
	}{
		{"wrong", 0, quiz.NoConfidence, true, Again},
		{"wrong and sure", 0, quiz.Sure, true, Again},
		{"wrong and unsure", 0, quiz.Unsure, true, Again},
		{"right, no confidence step", 1, quiz.NoConfidence, true, Good},
		{"right and unsure", 1, quiz.Unsure, true, Hard},
		{"right and fairly sure", 1, quiz.FairlySure, true, Good},
		{"right and sure", 1, quiz.Sure, true, Easy},
		{"partial below the threshold", 0.5, quiz.NoConfidence, true, Again},
		{"partial just below the threshold", PassCredit - 1e-9, quiz.Sure, true, Again},
		{"partial at the threshold", PassCredit, quiz.NoConfidence, true, Hard},
		{"partial above the threshold, sure", 0.9, quiz.Sure, true, Hard},
		{"skipped or timed out", 0, quiz.NoConfidence, false, Again},
		{"not answered never counts as right", 1, quiz.Sure, false, Again},
		{"NaN credit", math.NaN(), quiz.NoConfidence, true, Again},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RatingOf(tt.credit, tt.conf, tt.answered); got != tt.want {
				t.Errorf("RatingOf(%v, %v, %v) = %v, want %v", tt.credit, tt.conf, tt.answered, got, tt.want)
			}
		})
	}
}

func TestRatingOfRecord(t *testing.T) {
	tests := []struct {
		rec  quiz.Record
		want Rating
	}{
		{quiz.Record{Credit: 1, Correct: true, Answer: quiz.Answer{Confidence: quiz.Sure}}, Easy},
		{quiz.Record{Credit: 1, Correct: true}, Good},
		{quiz.Record{TimedOut: true}, Again},
		{quiz.Record{Skipped: true}, Again},
		{quiz.Record{Credit: 0.8}, Hard},
	}
	for i, tt := range tests {
		if got := RatingOfRecord(tt.rec); got != tt.want {
			t.Errorf("%d: %v, want %v", i, got, tt.want)
		}
	}
}
