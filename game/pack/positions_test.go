package pack

import (
	"strings"
	"testing"
)

func TestScanPositions(t *testing.T) {
	src := `# comment with [brackets] and "quotes"
id = "x" # trailing [comment]
"quoted key" = 'lit'
dotted.key = 1
text = """
[[questions]] inside a string
id = "not a key"
"""
lit = '''
[not.a.table]
'''

[[questions]]
id = "a"
arr = [ 1, [2, 3], { k = "v}" } ]
inline = { a = 1, b = { c = [ "]" ] } }

  [[questions.choices]]
  text = "one"

  [[questions.choices]]
  text = "two"

[questions.estimate]
answer = 1979-05-27 07:32:00Z

[[questions]]
id = "b"
choices = [
  { text = "inline one" },
  { text = "inline two" }, # comment
]
`
	want := map[string]Position{
		"id":                          {2, 1},
		"quoted key":                  {3, 1},
		"dotted":                      {4, 1},
		"dotted.key":                  {4, 1},
		"text":                        {5, 1},
		"lit":                         {9, 1},
		"questions":                   {13, 1},
		"questions.0":                 {13, 1},
		"questions.0.id":              {14, 1},
		"questions.0.arr":             {15, 1},
		"questions.0.arr.0":           {15, 9},
		"questions.0.arr.1":           {15, 12},
		"questions.0.arr.1.1":         {15, 16},
		"questions.0.arr.2":           {15, 20},
		"questions.0.arr.2.k":         {15, 22},
		"questions.0.inline.b.c":      {16, 25},
		"questions.0.inline.b.c.0":    {16, 31},
		"questions.0.choices.0":       {18, 3},
		"questions.0.choices.0.text":  {19, 3},
		"questions.0.choices.1":       {21, 3},
		"questions.0.choices.1.text":  {22, 3},
		"questions.0.estimate":        {24, 1},
		"questions.0.estimate.answer": {25, 1},
		"questions.1":                 {27, 1},
		"questions.1.id":              {28, 1},
		"questions.1.choices.0":       {30, 3},
		"questions.1.choices.1.text":  {31, 5},
	}
	got, _, _ := scanPositions([]byte(src))
	for path, w := range want {
		if g, ok := got[path]; !ok || g != w {
			t.Errorf("%s: got %v (found %v), want %v", path, g, ok, w)
		}
	}
	for path := range got {
		if strings.Contains(path, "not") || strings.HasPrefix(path, "[") {
			t.Errorf("recorded a key from inside a string or comment: %q", path)
		}
	}
}

// TestScanPositionsNeverStalls feeds the scanner malformed input; it must
// return (it is linear and always advances).
func TestScanPositionsNeverStalls(t *testing.T) {
	inputs := []string{"", "[", "[[", "{", "\"", "'''", `a = "\`, "a = [", "a = {", "=", "[a", "[[a]", "a.\n", strings.Repeat("[", 10000), strings.Repeat("a = [", 5000)}
	for _, in := range inputs {
		scanPositions([]byte(in))
	}
}

func TestScanPositionsRunes(t *testing.T) {
	got, _, _ := scanPositions([]byte("prompt = \"Küry é\"; x = 1\nnext = 2\n"))
	if p := got["next"]; p != (Position{2, 1}) {
		t.Errorf("next at %v", p)
	}
	got, _, _ = scanPositions([]byte("a = \"ü\" \nb = [\"é\", \"x\"]\n"))
	if p := got["b.1"]; p != (Position{2, 11}) {
		t.Errorf("b.1 at %v, want column counted in characters", p)
	}
}
