package auditlog

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestEveryStoreActionHasWords reads the store's source for the actions it
// records (s.audit(tx, "x.y", …) and action := "x.y") and checks each has
// words in both languages, so a new kind of change never shows up in the
// audit screen as a bare code.
func TestEveryStoreActionHasWords(t *testing.T) {
	files, err := filepath.Glob("../store/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no store sources: %v", err)
	}
	re := regexp.MustCompile(`(?:s\.audit\(tx, |action :?= )"([a-z_]+\.[a-z_.]+)"`)
	seen := map[string]bool{}
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			seen[m[1]] = true
		}
	}
	if len(seen) < 20 {
		t.Fatalf("found only %d actions: %v", len(seen), seen)
	}
	for a := range seen {
		for _, lang := range []string{"zh", "en"} {
			if got := Action(lang, a); got == a {
				t.Errorf("%s has no %s words", a, lang)
			}
		}
	}
}
