package pack

// The typed readers: each reads one key of a decoded TOML table, reports a
// missing or mistyped value at its position, and returns what it could read.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date or time"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// text reads a string key. Missing and empty values are reported as errors
// when required is set; a missing optional key gives "".
func (d *decoder) text(m map[string]any, path, key string, required bool, limit int) string {
	kp := join(path, key)
	s, ok := scalar(d, m, path, key, required, "a string", func(v any) (string, bool) { s, ok := v.(string); return s, ok })
	if !ok {
		return ""
	}
	if strings.TrimSpace(s) == "" {
		d.errorf(kp, "%s is empty", key)
		return ""
	}
	if n := utf8.RuneCountInString(s); n > limit {
		d.errorf(kp, "%s is too long (%d characters, at most %d)", key, n, limit)
	}
	if strings.ContainsRune(s, 0) {
		d.errorf(kp, "%s contains a NUL character", key)
	}
	return strings.TrimSpace(s)
}

// scalar is the one reader of a single value: it reads key as a T, which
// conv recognises, and reports a missing required key or a value of another
// type (want names the type for the message: "an integer").
func scalar[T any](d *decoder, m map[string]any, path, key string, required bool, want string, conv func(any) (T, bool)) (T, bool) {
	var zero T
	v, ok := m[key]
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return zero, false
	}
	t, ok := conv(v)
	if !ok {
		d.errorf(join(path, key), "%s must be %s, not %s", key, want, typeName(v))
		return zero, false
	}
	return t, true
}

func (d *decoder) integer(m map[string]any, path, key string, required bool) (int64, bool) {
	return scalar(d, m, path, key, required, "an integer", func(v any) (int64, bool) { n, ok := v.(int64); return n, ok })
}

func (d *decoder) boolean(m map[string]any, path, key string, required bool) (bool, bool) {
	return scalar(d, m, path, key, required, "true or false", func(v any) (bool, bool) { b, ok := v.(bool); return b, ok })
}

func (d *decoder) number(m map[string]any, path, key string, required bool) (float64, bool) {
	f, ok := scalar(d, m, path, key, required, "a number", func(v any) (float64, bool) {
		switch n := v.(type) {
		case int64:
			return float64(n), true
		case float64:
			return n, true
		}
		return 0, false
	})
	if ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		d.errorf(join(path, key), "%s must be a finite number", key)
		return 0, false
	}
	return f, ok
}

// texts reads an array of strings.
func (d *decoder) texts(m map[string]any, path, key string, required bool, limitEach, limitCount int) []string {
	v, ok := m[key]
	kp := join(path, key)
	if !ok {
		if required {
			d.errorf(path, "missing required key %q", key)
		}
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		d.errorf(kp, "%s must be an array of strings, not %s", key, typeName(v))
		return nil
	}
	if len(arr) > limitCount {
		d.errorf(kp, "%s has %d entries, at most %d", key, len(arr), limitCount)
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		ep := join(kp, strconv.Itoa(i))
		s, ok := e.(string)
		if !ok {
			d.errorf(ep, "%s[%d] must be a string, not %s", key, i, typeName(e))
			continue
		}
		if strings.TrimSpace(s) == "" {
			d.errorf(ep, "%s[%d] is empty", key, i)
			continue
		}
		if n := utf8.RuneCountInString(s); n > limitEach {
			d.errorf(ep, "%s[%d] is too long (%d characters, at most %d)", key, i, n, limitEach)
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// tables reads an array of tables, written as [[key]] headers or as an
// inline array of inline tables.
func (d *decoder) tables(m map[string]any, path, key string) ([]map[string]any, bool) {
	v, ok := m[key]
	if !ok {
		return nil, false
	}
	switch t := v.(type) {
	case []map[string]any:
		return t, true
	case []any:
		out := make([]map[string]any, 0, len(t))
		for i, e := range t {
			tm, ok := e.(map[string]any)
			if !ok {
				d.errorf(join(join(path, key), strconv.Itoa(i)), "%s[%d] must be a table, not %s", key, i, typeName(e))
				return nil, false
			}
			out = append(out, tm)
		}
		return out, true
	}
	d.errorf(join(path, key), "%s must be an array of tables ([[%s]]), not %s", key, key, typeName(v))
	return nil, false
}

func (d *decoder) id(m map[string]any, path, what string) string {
	s := d.text(m, path, "id", true, Limits.ID)
	if s != "" && !idPattern.MatchString(s) {
		d.errorf(join(path, "id"), "%s id %q must be lowercase letters, digits and single hyphens (like \"gut-barrier\")", what, s)
	}
	return s
}

func (d *decoder) date(m map[string]any, path, key string) string {
	v, ok := m[key]
	if !ok {
		d.errorf(path, "missing required key %q", key)
		return ""
	}
	switch t := v.(type) {
	case time.Time:
		return t.Format("2006-01-02")
	case string:
		if tm, err := time.Parse("2006-01-02", t); err == nil {
			return tm.Format("2006-01-02")
		}
	}
	d.errorf(join(path, key), "%s must be a date such as 2026-11-26 (without quotes)", key)
	return ""
}
