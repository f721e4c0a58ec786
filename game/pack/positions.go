package pack

import "strconv"

// positions maps a key path to where it starts in the source. A path joins
// keys with "." and array elements by their index, so the prompt of the third
// question is "questions.2.prompt" and its first choice "questions.2.choices.0".
type positions map[string]Position

// scanPositions records the position of every key, table header and array
// element of a TOML document, and checks in the same pass that arrays and
// inline tables nest at most MaxNesting deep: when they go deeper, it stops
// there and returns where (ok false), so that the TOML decoder is never given
// such a document. It runs before the decoder, on any input: it never panics
// or loops (every step consumes at least one byte) and its cost is linear in
// the size of the source.
func scanPositions(src []byte) (out positions, deep Position, ok bool) {
	s := &scanner{src: src, line: 1, col: 1, out: make(positions, 64), aot: map[string]int{}}
	s.document()
	return s.out, s.deep, s.deep == Position{}
}

type scanner struct {
	src       []byte
	i         int
	line, col int
	out       positions
	aot       map[string]int // arrays of tables: path -> number of elements so far
	table     string         // path of the current table ("" at the top)
	deep      Position       // where nesting first went past MaxNesting
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) at(str string) bool {
	return len(s.src)-s.i >= len(str) && string(s.src[s.i:s.i+len(str)]) == str
}

func (s *scanner) advance() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 1
	} else if s.src[s.i]&0xC0 != 0x80 { // count runes, not bytes
		s.col++
	}
	s.i++
}

func (s *scanner) here() Position { return Position{s.line, s.col} }

func (s *scanner) record(path string, p Position) {
	if _, ok := s.out[path]; !ok {
		s.out[path] = p
	}
}

// skipSpace skips blanks and comments, and newlines too when nl is set.
func (s *scanner) skipSpace(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && nl:
			s.advance()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.advance()
	}
}

func (s *scanner) document() {
	for !s.eof() {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		start := s.i
		switch {
		case s.at("[["):
			p := s.here()
			s.advance()
			s.advance()
			keys := s.keys()
			path := s.resolve(keys)
			n := s.aot[path]
			s.aot[path] = n + 1
			s.table = join(path, strconv.Itoa(n))
			s.record(path, p)
			s.record(s.table, p)
			s.skipLine()
		case s.peek() == '[':
			p := s.here()
			s.advance()
			s.table = s.resolve(s.keys())
			s.record(s.table, p)
			s.skipLine()
		default:
			s.keyValue(s.table, 0)
			s.skipLine() // rest of the line: comment or garbage
		}
		if s.i == start { // never stall
			s.advance()
		}
	}
}

// resolve turns header keys into a path, walking into the last element of
// every array of tables on the way ("questions.choices" -> "questions.3.choices").
// The last key names the table itself and is never resolved.
func (s *scanner) resolve(keys []string) string {
	path := ""
	for i, k := range keys {
		path = join(path, k)
		if i == len(keys)-1 {
			break
		}
		if n := s.aot[path]; n > 0 {
			path = join(path, strconv.Itoa(n-1))
		}
	}
	return path
}

// keys reads a dotted key, bare or quoted, and stops after it.
func (s *scanner) keys() []string {
	var keys []string
	for !s.eof() {
		s.skipSpace(false)
		var k string
		switch s.peek() {
		case '"', '\'':
			k = s.str()
		default:
			b := s.i
			for !s.eof() {
				c := s.peek()
				if c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
					s.advance()
					continue
				}
				break
			}
			if s.i == b {
				return keys
			}
			k = string(s.src[b:s.i])
		}
		keys = append(keys, k)
		s.skipSpace(false)
		if s.peek() != '.' {
			return keys
		}
		s.advance()
	}
	return keys
}

func (s *scanner) keyValue(table string, depth int) {
	p := s.here()
	keys := s.keys()
	if len(keys) == 0 {
		return
	}
	path := table
	for _, k := range keys {
		path = join(path, k)
		s.record(path, p)
	}
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.advance()
	s.skipSpace(false)
	s.value(path, depth)
}

// value reads a value at the given nesting depth (0 for a key's own value);
// an array or inline table opened at depth MaxNesting is one level too deep:
// the scan stops there.
func (s *scanner) value(path string, depth int) {
	if c := s.peek(); (c == '[' || c == '{') && depth >= MaxNesting {
		s.deep = s.here()
		s.i = len(s.src)
		return
	}
	switch c := s.peek(); c {
	case '"', '\'':
		s.str()
	case '[':
		s.advance()
		for n := 0; !s.eof(); n++ {
			s.skipSpace(true)
			if s.peek() == ']' {
				s.advance()
				return
			}
			elem := join(path, strconv.Itoa(n))
			s.record(elem, s.here())
			start := s.i
			s.value(elem, depth+1)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			}
			if s.i == start {
				s.advance()
			}
		}
	case '{':
		s.advance()
		for !s.eof() {
			s.skipSpace(true)
			if s.peek() == '}' {
				s.advance()
				return
			}
			start := s.i
			s.keyValue(path, depth+1)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			}
			if s.i == start {
				s.advance()
			}
		}
	default: // number, boolean, date: up to the next delimiter
		for !s.eof() {
			switch s.peek() {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.advance()
		}
	}
}

// str skips a string of any of TOML's four kinds and returns its raw body
// (escapes are left as written: only key names use the result).
func (s *scanner) str() string {
	q := s.peek()
	if s.at(`"""`) || s.at("'''") {
		for range 3 {
			s.advance()
		}
		b := s.i
		for !s.eof() {
			if q == '"' && s.peek() == '\\' {
				s.advance()
				s.advance()
				continue
			}
			if s.peek() == q && s.at(string([]byte{q, q, q})) {
				e := s.i
				for range 3 {
					s.advance()
				}
				// Up to two more quotes may close the string.
				for k := 0; k < 2 && s.peek() == q; k++ {
					e++
					s.advance()
				}
				return string(s.src[b:e])
			}
			s.advance()
		}
		return string(s.src[b:])
	}
	s.advance()
	b := s.i
	for !s.eof() {
		c := s.peek()
		if c == '\n' {
			break
		}
		if q == '"' && c == '\\' {
			s.advance()
			s.advance()
			continue
		}
		if c == q {
			e := s.i
			s.advance()
			return string(s.src[b:e])
		}
		s.advance()
	}
	return string(s.src[b:s.i])
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
