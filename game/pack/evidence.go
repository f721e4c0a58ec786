package pack

import (
	"fmt"
	"strings"
)

// Design is the kind of study or work a source is, from a fixed vocabulary.
type Design string

// The designs a source may give, strongest syntheses first.
const (
	MetaAnalysis        Design = "meta-analysis"
	SystematicReview    Design = "systematic review"
	RandomisedTrial     Design = "randomised trial"
	NonRandomisedTrial  Design = "non-randomised trial"
	CohortStudy         Design = "cohort study"
	CaseControlStudy    Design = "case-control study"
	CrossSectionalStudy Design = "cross-sectional study"
	CaseSeries          Design = "case series"
	CaseReport          Design = "case report"
	GeneticStudy        Design = "genetic study"
	AnimalStudy         Design = "animal study"
	InVitroStudy        Design = "in-vitro study"
	NarrativeReview     Design = "narrative review"
	Guideline           Design = "guideline"
	ConsensusStatement  Design = "consensus statement"
	Textbook            Design = "textbook"
)

// Designs lists the valid designs, in the order the guide gives them.
var Designs = []Design{MetaAnalysis, SystematicReview, RandomisedTrial, NonRandomisedTrial,
	CohortStudy, CaseControlStudy, CrossSectionalStudy, CaseSeries, CaseReport, GeneticStudy,
	AnimalStudy, InVitroStudy, NarrativeReview, Guideline, ConsensusStatement, Textbook}

// Known reports whether d is in the vocabulary.
func (d Design) Known() bool {
	for _, k := range Designs {
		if d == k {
			return true
		}
	}
	return false
}

// Label is the design as a reader sees it: "Randomised trial".
func (d Design) Label() string {
	if d == "" {
		return ""
	}
	return strings.ToUpper(string(d[:1])) + string(d[1:])
}

// Trial reports whether the design is a human trial or a synthesis of
// trials and studies (meta-analysis, systematic review): the evidence an
// "early" label must not rest on alone.
func (d Design) Trial() bool {
	switch d {
	case MetaAnalysis, SystematicReview, RandomisedTrial, NonRandomisedTrial:
		return true
	}
	return false
}

// HumanStudy reports whether the design is a study of people (a trial or an
// observational or genetic study), not a synthesis.
func (d Design) HumanStudy() bool {
	switch d {
	case RandomisedTrial, NonRandomisedTrial, CohortStudy, CaseControlStudy,
		CrossSectionalStudy, CaseSeries, CaseReport, GeneticStudy:
		return true
	}
	return false
}

// Synthesis reports whether the design weighs a body of evidence in a way
// that can back an "established" label on its own: a meta-analysis, a
// systematic review, a guideline or a textbook.
func (d Design) Synthesis() bool {
	switch d {
	case MetaAnalysis, SystematicReview, Guideline, Textbook:
		return true
	}
	return false
}

// Lab reports whether the design is an animal or in-vitro study, which
// cannot back a claim about people on its own.
func (d Design) Lab() bool { return d == AnimalStudy || d == InVitroStudy }

// labelProblem checks an evidence level against the designs of the sources
// that back it and returns what is wrong, or "". Sources without a design
// are not counted; with no design at all there is nothing to check.
func labelProblem(e Evidence, sources []Source) string {
	var designs, trials, humans, syntheses, labs int
	for _, s := range sources {
		if s.Design == "" || !s.Design.Known() {
			continue
		}
		designs++
		if s.Design.Trial() {
			trials++
		}
		if s.Design.HumanStudy() {
			humans++
		}
		if s.Design.Synthesis() {
			syntheses++
		}
		if s.Design.Lab() {
			labs++
		}
	}
	if designs == 0 {
		return ""
	}
	switch e {
	case Early:
		if trials == designs {
			return fmt.Sprintf("evidence %q rests only on human trials or meta-analyses; label it %q (or %q if they conflict)",
				e, HumanStudies, Contested)
		}
	case HumanStudies, Established:
		if labs == designs {
			return fmt.Sprintf("evidence %q rests only on animal or in-vitro studies, which cannot back a claim about people; label it %q",
				e, Early)
		}
		if e == Established && syntheses == 0 && humans < 2 {
			given := "none"
			if humans == 1 {
				given = "one"
			}
			return fmt.Sprintf("evidence %q needs a meta-analysis, systematic review, guideline or textbook, or at least two human studies (%s given)",
				e, given)
		}
	}
	return ""
}
