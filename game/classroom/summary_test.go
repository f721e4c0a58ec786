package classroom

import (
	"bytes"
	"context"
	"flag"
	"gutskin/game/chromium"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/questions"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// lesson plays a 5-question lesson for 4 teams with long and accented
// names: right, wrong (with misconceptions), no answer, a skip, points by
// hand, in confidence scoring so each cell says how sure the team was.
func lesson(t *testing.T, packs []*pack.Pack) *Game {
	t.Helper()
	g, err := New(Config{Teams: []string{"Équipe Noël", "Les Bactéries", "Zoë & Søren", "The Magnificent Microbio"}, Packs: packs,
		Length: 5, Seed: 11, Mode: quiz.Confident})
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	for q := 0; g.Screen() != ShowResults; q++ {
		if q == 3 {
			g.Do(Intent{Kind: Skip}, now)
			continue
		}
		it := g.Current()
		right := display(g, it.Question.Correct()[0])
		wrong := (right + 1) % len(it.ChoiceOrder)
		if it.Question.Choices[it.ChoiceOrder[wrong]].Correct {
			wrong = (right + 2) % len(it.ChoiceOrder)
		}
		for team, pick := range []int{right, wrong, right, wrong} {
			if team == 3 && q == 1 {
				continue // no answer
			}
			g.Do(Intent{Kind: Choose, Team: team, Choice: pick}, now)
			if team == 0 {
				g.Do(Intent{Kind: Choose, Team: team, Choice: pick}, now) // sure
			}
		}
		for g.Screen() != ShowQuestion || g.Index() == q {
			if g.Screen() == ShowBoard && q == 2 {
				g.Do(Intent{Kind: AdjustPoints, Team: 2, Points: 100}, now)
			}
			g.Do(Intent{Kind: Advance}, now)
			if g.Screen() == ShowResults {
				break
			}
		}
	}
	return g
}

// TestSummaryGolden: the printable summary, byte for byte. Run with
// -update to rewrite testdata/summary.golden, then read the diff.
func TestSummaryGolden(t *testing.T) {
	misc := testPack()
	for i := range misc.Questions {
		misc.Questions[i].Prompt += " <b>not bold</b> & escaped"
	}
	g := lesson(t, []*pack.Pack{misc})
	got := g.HTML(t0)
	path := filepath.Join("testdata", "summary.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestSummaryGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the summary differs from %s (rerun with -update and read the diff):\n%s", path, got)
	}
}

// shippedPacks are the shipped packs, so the print test meets their
// longest prompts.
func shippedPacks(t *testing.T) []*pack.Pack {
	t.Helper()
	set := pack.Load(pack.Location{FS: questions.FS, Root: ".", Display: "questions"})
	ps := set.Packs()
	if len(ps) == 0 {
		t.Fatal("no shipped packs")
	}
	return ps
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestSummaryPrintsOnOnePage prints the summary of a 5-question, 4-team
// lesson with headless Chromium and counts the PDF's pages; the questions
// are the shipped ones with the longest prompts. Without Chromium it
// skips, except under CI=true, where that is a failure.
func TestSummaryPrintsOnOnePage(t *testing.T) {
	chrome := chromium.Path(t)
	// Five of the wordiest shipped choice questions.
	var qs []pack.Question
	for _, p := range shippedPacks(t) {
		for _, q := range p.Questions {
			if q.Type == pack.Single || q.Type == pack.Multi || q.Type == pack.TrueFalse {
				qs = append(qs, q)
			}
		}
	}
	sort.SliceStable(qs, func(i, j int) bool { return len(qs[i].Prompt) > len(qs[j].Prompt) })
	qs = qs[:5]
	// Every wrong choice names a misconception, so that the summary's
	// misconception section is as long as it can be whichever wrong choice
	// the teams pick (the shipped texts change; the page must still fit).
	for i := range qs {
		qs[i].Choices = slices.Clone(qs[i].Choices)
		for j := range qs[i].Choices {
			if c := &qs[i].Choices[j]; !c.Correct && c.Misconception == "" {
				c.Misconception = "a wrong idea the choice " + strconv.Itoa(j+1) + " tempts, named at length"
			}
		}
	}
	wordy := &pack.Pack{ID: "wordy", Title: "Five long questions", Questions: qs}
	g := lesson(t, []*pack.Pack{wordy})
	if len(g.Records()) != 5 || len(g.Misconceptions()) == 0 {
		t.Fatalf("%d questions, %d misconceptions", len(g.Records()), len(g.Misconceptions()))
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "summary.html")
	if err := os.WriteFile(page, g.HTML(t0), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "summary.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pdfPage.FindAll(data, -1)); n != 1 {
		t.Errorf("the summary prints on %d pages, not 1", n)
	}
}
