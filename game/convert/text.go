package convert

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"

	"gutskin/game/pack"
)

// decodeText makes a file's bytes UTF-8. UTF-8 (with or without a byte
// order mark) is taken as it is. Other bytes are read as Windows-1252, the
// superset of Latin-1 that older Moodle exports and spreadsheets on Windows
// use, and a warning says so; bytes that cannot be Windows-1252 either
// (UTF-16, binary data) refuse the file with the line of the first bad byte.
func decodeText(file string, data []byte) (string, []pack.Diagnostic) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	bad := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad = i
			break
		}
		i += n
	}
	line := 1 + bytes.Count(data[:bad], []byte("\n"))
	if !looksWindows1252(data) {
		return "", []pack.Diagnostic{{File: file, Line: line, Col: 1, Severity: pack.Error,
			Message: "the file is neither UTF-8 nor Windows-1252 (Latin-1) text; save it as UTF-8 and import it again"}}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", []pack.Diagnostic{{File: file, Line: line, Col: 1, Severity: pack.Error,
			Message: "the file is not UTF-8 and cannot be read as Windows-1252: " + err.Error()}}
	}
	return string(out), []pack.Diagnostic{{File: file, Line: line, Col: 1, Severity: pack.Warning,
		Message: "the file is not UTF-8 (first such byte on this line): it was read as Windows-1252 (Latin-1); check its accented letters"}}
}

// looksWindows1252 reports whether data can be Windows-1252 text: no NUL
// bytes (UTF-16 and binary files have many), none of the five byte values
// Windows-1252 leaves undefined, and few control characters.
func looksWindows1252(data []byte) bool {
	controls := 0
	for _, b := range data {
		switch {
		case b == 0, b == 0x81, b == 0x8d, b == 0x8f, b == 0x90, b == 0x9d:
			return false
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t':
			controls++
		}
	}
	return controls*100 <= len(data)
}

// htmlText turns an HTML fragment into plain text as a reader would see it:
// entities decoded, tags gone, line breaks, paragraphs and list items kept
// apart by a space (list items marked "•"), scripts, styles and images
// dropped (a question's image is carried apart from its text).
func htmlText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "head":
				return
			case "br", "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table":
				b.WriteByte(' ')
			case "li":
				b.WriteString(" • ")
			case "td", "th":
				b.WriteString(" ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6":
				b.WriteByte(' ')
			}
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return squeeze(b.String())
}

// squeeze joins the words of s with single spaces.
func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
