package ui

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gutskin/game/classroom"
	"gutskin/game/press"
	"gutskin/game/save"
)

// TestClassroomNamedClasses: a team list is saved under a name typed in
// the set-up's name field, stored in the config folder beside the set-up,
// picked again in a later set-up to fill the teams, and deleted with two
// presses of Delete.
func TestClassroomNamedClasses(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	s := newClassSetup(a)
	a.scene = s
	click := func(id string) {
		t.Helper()
		s.layout(a)
		x, y := findButton(t, &s.btn, id)
		a.Step(nil)
		clk.Advance(press.Settle) // a person acts after the screen settles
		a.Step(Click(x, y))
	}
	s.setCount(2)
	s.teams = []string{"Équipe Noël", "Les Bactéries"}
	click("class:save")
	if len(s.classes) != 0 || !strings.Contains(s.message, "name") {
		t.Fatalf("a class was saved without a name: %v, %q", s.classes, s.message)
	}
	click("class:name")
	a.Step(tickOrder(nil, []Event{KeyEvent(KeySpace), KeyEvent(KeyEnter)}, []rune(" Year 7B ")))
	if s.typingClass || s.className != "Year 7B" || len(s.teams) != 2 {
		t.Fatalf("typing: name %q, still typing %v, teams %v", s.className, s.typingClass, s.teams)
	}
	click("class:save")
	data, err := os.ReadFile(filepath.Join(a.opts.Store.(*save.Store).Dir, classesName))
	if err != nil {
		t.Fatal(err)
	}
	if list, err := classroom.DecodeClasses(data); err != nil || len(list) != 1 || list[0].Name != "Year 7B" || strings.Join(list[0].Teams, "|") != "Équipe Noël|Les Bactéries" {
		t.Fatalf("stored %v, %v", list, err)
	}

	// A later lesson: other teams on screen, then the class picked.
	n := newClassSetup(a)
	a.scene = n
	s = n
	s.setCount(3)
	s.className = "8A"
	click("class:save") // a second class, of three teams
	s.className = ""
	s.setCount(4)
	for _, want := range []string{"Year 7B", "8A", "Year 7B"} { // Pick goes through the classes in turn
		click("class:pick")
		if s.className != want || strings.Join(s.teams, "|") != strings.Join(s.classes[s.classes.Index(want)].Teams, "|") {
			t.Fatalf("picked: teams %v, name %q, want %s", s.teams, s.className, want)
		}
	}
	if strings.Join(s.teams, "|") != "Équipe Noël|Les Bactéries" {
		t.Fatalf("picked: teams %v", s.teams)
	}
	click("class:delete")
	if len(s.classes) != 2 {
		t.Fatal("one press of Delete deleted the class")
	}
	click("class:delete")
	data, _ = os.ReadFile(filepath.Join(a.opts.Store.(*save.Store).Dir, classesName))
	if list, err := classroom.DecodeClasses(data); err != nil || len(list) != 1 || list[0].Name != "8A" || len(s.classes) != 1 {
		t.Fatalf("after Delete twice: stored %v, %v; shown %v", list, err, s.classes)
	}
	if len(s.teams) != 2 {
		t.Error("deleting a class changed the teams on screen")
	}
}

// TestClassroomDamagedClasses: a damaged classes file is no crash: the
// set-up says so, keeps the file aside and saves new classes.
func TestClassroomDamagedClasses(t *testing.T) {
	for _, bad := range []string{`{"version": 1, "classes": [`, "\x00\xff", `{"version": 1, "classes": [{"name": "", "teams": ["A"]}]}`} {
		a, _, _ := testApp(t, 1280, 720)
		path := filepath.Join(a.opts.Store.(*save.Store).Dir, classesName)
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		s := newClassSetup(a)
		if len(s.classes) != 0 || !strings.Contains(s.message, "could not be read") {
			t.Fatalf("%q: classes %v, message %q", bad, s.classes, s.message)
		}
		aside, _ := filepath.Glob(path + ".damaged-*")
		if len(aside) != 1 {
			t.Fatalf("%q: the damaged file was not kept aside: %v", bad, aside)
		}
		if kept, _ := os.ReadFile(aside[0]); string(kept) != bad {
			t.Errorf("%q: the kept file holds %q", bad, kept)
		}
		s.className = "8A"
		s.saveClass(a)
		data, _ := os.ReadFile(path)
		if list, err := classroom.DecodeClasses(data); err != nil || len(list) != 1 {
			t.Errorf("%q: saving after the damage: %v, %v (%q)", bad, list, err, s.message)
		}
	}
}

// TestClassroomSetupClassesFit: with six saved classes of long names, the
// set-up's buttons stay on the screen, clear of each other and of the
// Back and Start buttons, at every size in both looks.
func TestClassroomSetupClassesFit(t *testing.T) {
	for _, sz := range append(sizes, image.Pt(1024, 768)) {
		for _, projector := range []bool{false, true} {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			a.setProjector(projector)
			s := newClassSetup(a)
			s.setCount(8)
			for i := range classroom.MaxClasses {
				list, err := s.classes.Save(strings.Repeat(string(rune('A'+i)), classroom.MaxClassName), s.teams)
				if err != nil {
					t.Fatal(err)
				}
				s.classes = list
			}
			s.className = strings.Repeat("W", classroom.MaxClassName)
			s.layout(a)
			for i, b := range s.btn.list {
				if b.r.X < 0 || b.r.Y < 0 || b.r.X+b.r.W > a.w || b.r.Y+b.r.H > a.h {
					t.Errorf("%v projector %v: %s leaves the screen", sz, projector, b.id)
				}
				for _, c := range s.btn.list[i+1:] {
					if b.r.X < c.r.X+c.r.W && c.r.X < b.r.X+b.r.W && b.r.Y < c.r.Y+c.r.H && c.r.Y < b.r.Y+b.r.H {
						t.Errorf("%v projector %v: %s overlaps %s", sz, projector, b.id, c.id)
					}
				}
			}
		}
	}
}
