package save

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// memKV is a KeyValue in memory; fail makes every call fail.
type memKV struct {
	m    map[string]string
	fail error
}

func (k *memKV) Get(key string) (string, bool, error) {
	if k.fail != nil {
		return "", false, k.fail
	}
	v, ok := k.m[key]
	return v, ok, nil
}

func (k *memKV) Set(key, value string) error {
	if k.fail != nil {
		return k.fail
	}
	k.m[key] = value
	return nil
}

func (k *memKV) Remove(key string) error {
	if k.fail != nil {
		return k.fail
	}
	delete(k.m, key)
	return nil
}

var _ = []Profiles{(*Store)(nil), (*KeyStore)(nil)}

func TestKeyStore(t *testing.T) {
	when := time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC)
	const key = "gutskin/profile-ana.json"
	tests := []struct {
		name       string
		stored     map[string]string
		fail       error
		wantErr    string // part of Load's error; "" for none
		wantNotice string // part of Load's notice
		wantKeys   map[string]string
		saves      bool // a later Save is written
	}{
		{name: "missing profile starts a new one", stored: map[string]string{},
			wantKeys: map[string]string{}, saves: true},
		{name: "damaged profile is kept aside", stored: map[string]string{key: "{not json"},
			wantNotice: "It was kept as profile-ana.json.damaged-20261202-010000",
			wantKeys:   map[string]string{key + ".damaged-20261202-010000": "{not json"}, saves: true},
		{name: "second damaged profile the same second gets its own key",
			stored:     map[string]string{key: "[]", key + ".damaged-20261202-010000": "{old"},
			wantNotice: "damaged-20261202-010000-2",
			wantKeys:   map[string]string{key + ".damaged-20261202-010000": "{old", key + ".damaged-20261202-010000-2": "[]"}, saves: true},
		{name: "profile from a newer game is left as it is", stored: map[string]string{key: `{"version": 99}`},
			wantErr: "newer version", wantKeys: map[string]string{key: `{"version": 99}`}},
		{name: "storage that fails is reported", stored: map[string]string{}, fail: errors.New("quota exceeded"),
			wantErr: "quota exceeded", wantKeys: map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kv := &memKV{m: tt.stored, fail: tt.fail}
			s := &KeyStore{KV: kv, Prefix: "gutskin/", Now: func() time.Time { return when }}
			p, notice, err := s.Load("ana")
			if (err == nil) != (tt.wantErr == "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Load error %v, want %q", err, tt.wantErr)
			}
			if !strings.Contains(notice, tt.wantNotice) || (tt.wantNotice == "") != (notice == "") {
				t.Errorf("notice %q, want %q", notice, tt.wantNotice)
			}
			if p == nil || p.Name != "ana" || len(p.History) != 0 {
				t.Fatalf("Load gave %+v, want a new profile for ana", p)
			}
			if len(kv.m) != len(tt.wantKeys) {
				t.Errorf("store holds %v, want %v", kv.m, tt.wantKeys)
			}
			for k, v := range tt.wantKeys {
				if kv.m[k] != v {
					t.Errorf("store[%q] = %q, want %q", k, kv.m[k], v)
				}
			}
			if !tt.saves {
				return
			}
			p.AddRound(playRound(t, testPack(), map[string]bool{"a": true}), []string{"p"}, when)
			if err := s.Save(p); err != nil {
				t.Fatal(err)
			}
			again, notice, err := s.Load("ana")
			if err != nil || notice != "" {
				t.Fatalf("Load after Save: %v %q", err, notice)
			}
			if len(again.History) != 1 || again.Stats["p/a"].Right != 1 {
				t.Errorf("reloaded profile %+v lost the round", again)
			}
		})
	}
}

func TestKeyStoreSaveFailure(t *testing.T) {
	s := &KeyStore{KV: &memKV{m: map[string]string{}, fail: errors.New("quota exceeded")}}
	if err := s.Save(New("ana")); err == nil || !strings.Contains(err.Error(), "quota") {
		t.Fatalf("Save on a full store: %v, want the quota error", err)
	}
}
