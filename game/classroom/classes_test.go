package classroom

import (
	"slices"
	"strings"
	"testing"
)

func TestClassName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Year 7B  ", "Year 7B"},
		{"Year\t 7\n B", "Year 7 B"},
		{"", ""},
		{"   ", ""},
		{strings.Repeat("é", 30), strings.Repeat("é", MaxClassName)},
		{strings.Repeat("a", MaxClassName-1) + " b", strings.Repeat("a", MaxClassName-1)}, // no trailing space after the cut
	}
	for _, tt := range tests {
		if got := ClassName(tt.in); got != tt.want {
			t.Errorf("ClassName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClassesSaveAndDelete(t *testing.T) {
	two := Classes{{Name: "7B", Teams: []string{"Red", "Blue"}}, {Name: "8A", Teams: []string{"Owls"}}}
	var full Classes
	for i := range MaxClasses {
		full = append(full, Class{Name: string(rune('A' + i)), Teams: []string{"T"}})
	}
	tests := []struct {
		name    string
		list    Classes
		save    string
		teams   []string
		wantErr bool
		names   []string
		teamsOf []string // the teams of the class saved
	}{
		{"a new class goes last", two, " 9C ", []string{" Cats ", "Dogs"}, false, []string{"7B", "8A", "9C"}, []string{"Cats", "Dogs"}},
		{"the same name, any case, replaces", two, "7b", []string{"Green"}, false, []string{"7b", "8A"}, []string{"Green"}},
		{"no name", two, "  ", []string{"Green"}, true, []string{"7B", "8A"}, nil},
		{"names twice", two, "9C", []string{"Red", "Red"}, true, []string{"7B", "8A"}, nil},
		{"no teams", two, "9C", nil, true, []string{"7B", "8A"}, nil},
		{"a full list refuses a new name", full, "Z", []string{"T"}, true, []string{"A", "B", "C", "D", "E", "F"}, nil},
		{"a full list still replaces", full, "c", []string{"U"}, false, []string{"A", "B", "c", "D", "E", "F"}, []string{"U"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.list)
			got, err := tt.list.Save(tt.save, tt.teams)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v", err)
			}
			var names []string
			for _, c := range got {
				names = append(names, c.Name)
			}
			if !slices.Equal(names, tt.names) {
				t.Errorf("names %v, want %v", names, tt.names)
			}
			if tt.teamsOf != nil && !slices.Equal(got[got.Index(tt.save)].Teams, tt.teamsOf) {
				t.Errorf("teams %v, want %v", got[got.Index(tt.save)].Teams, tt.teamsOf)
			}
			for i := range before {
				if before[i].Name != tt.list[i].Name {
					t.Errorf("the list saved into was changed")
				}
			}
		})
	}
	if got := two.Delete("8a"); len(got) != 1 || got[0].Name != "7B" || len(two) != 2 {
		t.Errorf("delete: %v (list %v)", got, two)
	}
	if got := two.Delete("none"); len(got) != 2 {
		t.Errorf("delete of a missing class: %v", got)
	}
}

func TestClassesFile(t *testing.T) {
	list := Classes{{Name: "Year 7B", Teams: []string{"Rouge équipe", "Blue"}}, {Name: "8A", Teams: []string{"Owls"}}}
	data, err := list.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeClasses(data)
	if err != nil || len(back) != 2 || back[0].Name != "Year 7B" || !slices.Equal(back[0].Teams, list[0].Teams) {
		t.Fatalf("round trip: %v, %v", back, err)
	}
	if empty, err := (Classes(nil)).Encode(); err != nil || !strings.Contains(string(empty), `"classes": []`) {
		t.Errorf("empty list: %s, %v", empty, err)
	}
	bad := []struct{ name, data string }{
		{"not json", `{"version": 1, "classes": [`},
		{"truncated", string(data[:len(data)/2])},
		{"future version", `{"version": 9, "classes": []}`},
		{"no version", `{"classes": []}`},
		{"a name with spaces around", `{"version": 1, "classes": [{"name": " 7B", "teams": ["A"]}]}`},
		{"an empty name", `{"version": 1, "classes": [{"name": "", "teams": ["A"]}]}`},
		{"a name twice", `{"version": 1, "classes": [{"name": "7B", "teams": ["A"]}, {"name": "7b", "teams": ["B"]}]}`},
		{"no teams", `{"version": 1, "classes": [{"name": "7B", "teams": []}]}`},
		{"nine teams", `{"version": 1, "classes": [{"name": "7B", "teams": ["1","2","3","4","5","6","7","8","9"]}]}`},
		{"a long team name", `{"version": 1, "classes": [{"name": "7B", "teams": ["` + strings.Repeat("x", 25) + `"]}]}`},
		{"too many classes", `{"version": 1, "classes": [` + strings.Repeat(`{"name": "x", "teams": ["A"]},`, MaxClasses) + `{"name": "y", "teams": ["A"]}]}`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := DecodeClasses([]byte(tt.data)); err == nil {
				t.Errorf("decoded %v", got)
			}
		})
	}
}
