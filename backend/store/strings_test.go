package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// decodeStrings reads back exactly what json.Marshal wrote, whether its
// fast path or the JSON decoder reads it.
func TestDecodeStringsMatchesJSON(t *testing.T) {
	for _, list := range [][]string{
		{}, {""}, {"", ""}, {"林知秋"}, {"wxid_a", "wxid_b", "群昵称"},
		{`有"引号"`, "a"}, {`a","b`}, {"<b>&</b>"}, {"tab\there", `back\slash`}, {"\xff坏"},
		{"[", "]", ","}, {" spaced ", "  "},
	} {
		b, err := json.Marshal(list)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		if got := decodeStrings(string(b)); !reflect.DeepEqual(got, want) {
			t.Errorf("decodeStrings(%s) = %q, want %q", b, got, want)
		}
	}
	for in, want := range map[string][]string{"": {}, "null": {}, `[ "a" ]`: {"a"}, `["a", "b"]`: {"a", "b"}} {
		if got := decodeStrings(in); !reflect.DeepEqual(got, want) {
			t.Errorf("decodeStrings(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDecodeStrings(f *testing.F) {
	for _, s := range []string{`[]`, `["a","b"]`, `["a\"b"]`, `[ "a" ]`, `["","x"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var list []string
		if json.Unmarshal([]byte(s), &list) != nil || list == nil {
			return
		}
		if got := decodeStrings(s); !reflect.DeepEqual(got, list) {
			t.Errorf("decodeStrings(%q) = %q, want %q", s, got, list)
		}
	})
}
