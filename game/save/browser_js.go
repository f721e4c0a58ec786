//go:build js && wasm

package save

import (
	"errors"
	"fmt"
	"syscall/js"
)

// Browser is where the browser build keeps profiles: the page's
// localStorage, under keys starting "gutskin/". ok is false when the page
// has no local storage (it can be switched off).
func Browser() (Profiles, bool) {
	ls, err := localStorage()
	if err != nil {
		return nil, false
	}
	return &KeyStore{KV: webStorage{ls}, Prefix: "gutskin/", Place: "this browser's local storage"}, true
}

func localStorage() (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("local storage: %v", r)
		}
	}()
	v = js.Global().Get("localStorage") // reading it throws when storage is blocked
	if v.IsUndefined() || v.IsNull() {
		return v, errors.New("no local storage")
	}
	return v, nil
}

// webStorage is a Web Storage object (localStorage) as a KeyValue. Its
// methods throw on trouble (a full quota, storage switched off); syscall/js
// turns a throw into a panic, which is recovered here as an error.
type webStorage struct{ v js.Value }

func catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("local storage: %v", r)
	}
}

func (w webStorage) Get(key string) (value string, ok bool, err error) {
	defer catch(&err)
	r := w.v.Call("getItem", key)
	if r.IsNull() || r.IsUndefined() {
		return "", false, nil
	}
	return r.String(), true, nil
}

func (w webStorage) Set(key, value string) (err error) {
	defer catch(&err)
	w.v.Call("setItem", key, value)
	return nil
}

func (w webStorage) Remove(key string) (err error) {
	defer catch(&err)
	w.v.Call("removeItem", key)
	return nil
}
