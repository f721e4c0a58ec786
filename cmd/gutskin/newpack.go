package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"time"
)

var packIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// runNew is `gutskin new PACK-ID`: it writes PACK-ID.toml in the current
// folder, a commented pack with one question of every type that validates
// clean, and never overwrites a file.
func runNew(args []string, stdout, stderr io.Writer, now time.Time) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "usage: gutskin new PACK-ID   (writes PACK-ID.toml here)")
		return exitUsage
	}
	id := args[0]
	if !packIDPattern.MatchString(id) || len(id) > 64 {
		fmt.Fprintf(stderr, "gutskin new: %q is not a pack id: use lowercase letters, digits and single hyphens, like \"my-pack\"\n", id)
		return exitUsage
	}
	name := id + ".toml"
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "gutskin new: %s already exists; it was not changed\n", name)
		return exitProblems
	}
	if err != nil {
		fmt.Fprintln(stderr, "gutskin new:", err)
		return exitProblems
	}
	_, werr := fmt.Fprintf(f, packTemplate, id, now.Format("2006-01-02"))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		fmt.Fprintln(stderr, "gutskin new:", werr)
		return exitProblems
	}
	fmt.Fprintf(stdout, "wrote %s: edit it, then check it with: gutskin validate %s\n", name, name)
	return exitOK
}

// packTemplate is the pack `gutskin new` writes: %[1]s is the id, %[2]s today.
const packTemplate = `# A gutskin question pack. The full guide: questions/README.md in the
# gutskin sources. Check this file with:  gutskin validate %[1]s.toml
# Play it with:                           gutskin --packs .
#
# Every key below is explained by a comment. Replace the example questions
# with your own; keep at least one question.

id = "%[1]s"                  # lowercase letters, digits, hyphens; unique among packs
title = "My pack"             # shown on the Packs screen and in rounds
mechanism = """
One paragraph shown before a round: what this pack teaches and why it
matters. Say where evidence is weak."""
version = "0.1.0"
language = "en"               # a language tag: en, en-GB, fr, pt-BR ...
authors = ["Your Name"]
licence = "CC BY-SA 4.0"
last_reviewed = %[2]s         # a date, without quotes

# ---------------------------------------------------------------------------
# single: exactly one right choice among 2 to 6.
[[questions]]
id = "tight-junctions"        # unique in this pack; do not rename once shared
type = "single"
prompt = "Which proteins seal the gaps between the cells lining the intestines?"
difficulty = 1                # 1 easy, 2, 3 hard
evidence = "established"      # established, human-studies, early or contested (see the guide)
checked = %[2]s             # when its claims were last checked against the sources
explanation = """
The intestinal lining is one layer of cells. Tight-junction proteins such as \
claudins, occludin and ZO-1 join neighbouring cells and act as adjustable \
gates that always let some water, ions and small molecules through."""
tags = ["barrier"]            # optional
# image = "pictures/cells.png"  # optional: a PNG or JPEG beside this file

[[questions.sources]]         # one or more; a doi or pmid (or url) is best
citation = "Turner JR. Intestinal mucosal barrier function in health and disease. Nat Rev Immunol 2009;9(11):799-809."
doi = "10.1038/nri2653"
design = "narrative review"   # the kind of study: see the guide's list
finding = "Review of the gut barrier: claudins, occludin and ZO-1 form tight junctions that seal and gate the gaps between lining cells."

[[questions.sources]]         # "established" needs a textbook, guideline,
citation = "Barrett KE, Barman SM, Brooks HL, Yuan JXJ. Ganong's Review of Medical Physiology. 26th ed. McGraw-Hill; 2019."
design = "textbook"           # meta-analysis or systematic review, or two human studies
finding = "Standard physiology: tight junctions join the cells of the intestinal lining."

[[questions.choices]]
text = "Tight-junction proteins (claudins, occludin, ZO-1)"
correct = true
rationale = "Right: they join neighbouring cells of the lining."

[[questions.choices]]
text = "Keratin fibres"
rationale = "Keratins give skin cells strength; they do not seal the intestinal lining."

[[questions.choices]]
text = "Zonulin"
rationale = "Zonulin was proposed to loosen tight junctions, not to seal them."
misconception = "zonulin is the gut's seal"   # optional, on wrong choices only

# ---------------------------------------------------------------------------
# multi: one or more right choices among 2 to 8; wrong ticks cost points.
[[questions]]
id = "short-chain-fatty-acids"
type = "multi"
prompt = "Which of these are short-chain fatty acids made when gut bacteria ferment fibre?"
difficulty = 2
evidence = "established"
checked = %[2]s
explanation = """
Gut bacteria ferment the fibre we cannot digest into short-chain fatty acids, \
mainly acetate, propionate and butyrate. Butyrate is the main fuel of the \
cells lining the colon."""
sources = [
  { citation = "Koh A, et al. Cell 2016;165(6):1332-1345.", doi = "10.1016/j.cell.2016.05.041", design = "narrative review",
    finding = "Review: gut bacteria ferment fibre into acetate, propionate and butyrate; butyrate fuels colon cells." },
  { citation = "Barrett KE, Barman SM, Brooks HL, Yuan JXJ. Ganong's Review of Medical Physiology. 26th ed. McGraw-Hill; 2019.", design = "textbook", finding = "Standard physiology: colonic fermentation of fibre yields short-chain fatty acids." },
]
choices = [
  { text = "Butyrate", correct = true, rationale = "Right: the colon lining's main fuel." },
  { text = "Propionate", correct = true, rationale = "Right: another product of fermentation." },
  { text = "Glucose", rationale = "A sugar absorbed in the small intestine, not made by fermentation." },
]

# ---------------------------------------------------------------------------
# truefalse: answer = true or false; a rationale for each side.
[[questions]]
id = "leaky-gut-diagnosis"
type = "truefalse"
prompt = "\"Leaky gut syndrome\" is a recognised medical diagnosis."
difficulty = 1
answer = false
rationale_true = "No: permeability is measurable in some diseases, but the syndrome is not a diagnosis."
rationale_false = "Right: there is no validated test or treatment for 'leaky gut' itself."
misconception = "leaky gut is a diagnosis"      # optional, on the wrong side
evidence = "contested"
checked = %[2]s
explanation = """
Increased intestinal permeability is real and measurable in coeliac disease \
and inflammatory bowel disease, but 'leaky gut syndrome' is not a recognised \
diagnosis and has not been shown to cause skin disease in general."""
[[questions.sources]]
citation = "Camilleri M. Leaky gut: mechanisms, measurement and clinical implications in humans. Gut 2019;68(8):1516-1526."
doi = "10.1136/gutjnl-2019-318427"
design = "narrative review"
finding = "Review of permeability in humans: raised in coeliac disease and IBD; tests are not validated for 'leaky gut' as a diagnosis."

# ---------------------------------------------------------------------------
# order: 3 to 7 steps written in the right order; the game shuffles them.
# Only for well-established sequences.
[[questions]]
id = "hpa-axis"
type = "order"
prompt = "Put the stress-hormone cascade in order, first to last."
difficulty = 2
steps = [
  "Hypothalamus releases CRH",
  "Pituitary releases ACTH",
  "Adrenal cortex releases cortisol",
]
evidence = "established"
checked = %[2]s
explanation = """
The HPA axis is the body's main stress system: CRH from the hypothalamus \
makes the pituitary release ACTH, which makes the adrenal cortex release \
cortisol, and cortisol in turn damps the first two steps."""
[[questions.sources]]
citation = "Cryan JF, et al. The microbiota-gut-brain axis. Physiol Rev 2019;99(4):1877-2013."
doi = "10.1152/physrev.00018.2018"
design = "narrative review"
finding = "Review of the microbiota-gut-brain axis, including the HPA stress axis: CRH, then ACTH, then cortisol."

[[questions.sources]]
citation = "Barrett KE, Barman SM, Brooks HL, Yuan JXJ. Ganong's Review of Medical Physiology. 26th ed. McGraw-Hill; 2019."
design = "textbook"
finding = "Standard physiology: the hypothalamic-pituitary-adrenal axis and its feedback."

# ---------------------------------------------------------------------------
# match: 3 to 6 pairs; the game shuffles the right-hand side.
[[questions]]
id = "nutrient-deficiency-signs"
type = "match"
prompt = "Match each nutrient to what its severe deficiency does to the skin."
difficulty = 2
evidence = "established"
checked = %[2]s
explanation = """
Failed uptake or intake of a nutrient can show first in the skin: inherited \
defects of the gut zinc transporter cause acrodermatitis enteropathica, \
severe niacin lack causes pellagra, and vitamin C lack causes scurvy."""
[[questions.sources]]
citation = "Küry S, et al. Identification of SLC39A4, a gene involved in acrodermatitis enteropathica. Nat Genet 2002;31(3):239-240."
doi = "10.1038/ng913"
design = "genetic study"
finding = "Families with acrodermatitis enteropathica: mutations in SLC39A4, the gene of the gut zinc transporter ZIP4."

[[questions.sources]]
citation = "Bolognia JL, Schaffer JV, Cerroni L, eds. Dermatology. 4th ed. Elsevier; 2018."
design = "textbook"
finding = "Standard dermatology: the skin signs of zinc, niacin and vitamin C deficiency."

[[questions.pairs]]
left = "Zinc"
right = "Acrodermatitis enteropathica"
rationale = "Defects of the gut zinc transporter ZIP4 cause it."

[[questions.pairs]]
left = "Niacin (vitamin B3)"
right = "Pellagra"
rationale = "Its signs: dermatitis, diarrhoea and dementia."

[[questions.pairs]]
left = "Vitamin C"
right = "Scurvy"
rationale = "Fragile vessels, bleeding gums and poor wound healing."

# ---------------------------------------------------------------------------
# estimate: a number on a slider. scale "log" for orders of magnitude;
# tolerance is in the unit (linear) or a factor (log).
[[questions]]
id = "colon-bacteria"
type = "estimate"
prompt = "About how many bacteria live in the human colon?"
difficulty = 2
evidence = "human-studies"      # an estimate from human data, not a textbook fact
checked = %[2]s
explanation = """
About 38 trillion bacteria live in the colon, roughly as many as the body's \
own cells. The old claim of ten bacteria for every human cell came from a \
rough guess and is wrong."""
[[questions.sources]]
citation = "Sender R, et al. Revised estimates for the number of human and bacteria cells in the body. PLoS Biol 2016;14(8):e1002533."
doi = "10.1371/journal.pbio.1002533"
design = "narrative review"
finding = "Re-analysis of published human data: about 3.8e13 bacteria in a 70 kg man, about as many as human cells."

[questions.estimate]
answer = 3.8e13
min = 1e6
max = 1e16
unit = "bacteria"
scale = "log"
tolerance = 3
`
