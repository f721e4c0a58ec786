package classroom

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Class is a named team list a teacher saved, to fill the teams of a
// later lesson with that class.
type Class struct {
	Name  string   `json:"name"`
	Teams []string `json:"teams"`
}

// Classes is the list of saved classes, in the order they were first
// saved.
type Classes []Class

// MaxClasses bounds the saved classes (they sit on one row of the set-up).
const MaxClasses = 6

// MaxClassName bounds a class name, in characters.
const MaxClassName = 20

// ClassesVersion is the format of the saved classes file.
const ClassesVersion = 1

// ClassName is a typed class name made fit to keep: spaces trimmed and
// runs of white space made one space, cut at MaxClassName characters.
func ClassName(s string) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	if r := []rune(s); len(r) > MaxClassName {
		s = strings.TrimSpace(string(r[:MaxClassName]))
	}
	return s
}

// Index is the position of the class named name (case ignored), or -1.
func (cs Classes) Index(name string) int {
	name = ClassName(name)
	return slices.IndexFunc(cs, func(c Class) bool { return strings.EqualFold(c.Name, name) })
}

// Save returns the list with teams kept under name: a class of that name
// is replaced, otherwise the class is added at the end. The list itself
// is not changed.
func (cs Classes) Save(name string, teams []string) (Classes, error) {
	name = ClassName(name)
	if name == "" {
		return cs, errors.New("type a name for the class first")
	}
	clean, err := cleanTeams(teams)
	if err != nil {
		return cs, err
	}
	out := slices.Clone(cs)
	if i := out.Index(name); i >= 0 {
		out[i] = Class{Name: name, Teams: clean}
		return out, nil
	}
	if len(out) >= MaxClasses {
		return cs, fmt.Errorf("%d classes are saved already: delete one first", MaxClasses)
	}
	return append(out, Class{Name: name, Teams: clean}), nil
}

// Delete returns the list without the class named name.
func (cs Classes) Delete(name string) Classes {
	i := cs.Index(name)
	if i < 0 {
		return cs
	}
	return slices.Delete(slices.Clone(cs), i, i+1)
}

type savedClasses struct {
	Version int     `json:"version"`
	Classes Classes `json:"classes"`
}

// Encode writes the saved classes.
func (cs Classes) Encode() ([]byte, error) {
	if cs == nil {
		cs = Classes{}
	}
	return json.MarshalIndent(savedClasses{Version: ClassesVersion, Classes: cs}, "", " ")
}

// DecodeClasses reads the saved classes. A damaged file, a class without
// a name, a name twice, a bad team list or too many classes are errors:
// the set-up then says so and ignores the file.
func DecodeClasses(data []byte) (Classes, error) {
	var v savedClasses
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("not a list of classes: %w", err)
	}
	if v.Version < 1 || v.Version > ClassesVersion {
		return nil, fmt.Errorf("list of classes of version %d", v.Version)
	}
	if len(v.Classes) > MaxClasses {
		return nil, fmt.Errorf("%d classes, over %d", len(v.Classes), MaxClasses)
	}
	var out Classes
	for _, c := range v.Classes {
		name := ClassName(c.Name)
		if name == "" || name != c.Name || out.Index(name) >= 0 {
			return nil, fmt.Errorf("class name %q", c.Name)
		}
		teams, err := cleanTeams(c.Teams)
		if err != nil {
			return nil, fmt.Errorf("class %q: %w", name, err)
		}
		out = append(out, Class{Name: name, Teams: teams})
	}
	return out, nil
}
