package layout

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
	Standard   bool
	Module     *struct{ Path string }
}

// ourPackages lists every package of the module with its imports and deps.
func ourPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", "qunzhu/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkg
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

func hasPrefix(list []string, prefix string) string {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return s
		}
	}
	return ""
}

func TestDependencyRules(t *testing.T) {
	for _, p := range ourPackages(t) {
		path := p.ImportPath
		desktop := path == "qunzhu" || path == "qunzhu/app" || strings.HasPrefix(path, "qunzhu/app/")
		if !desktop {
			if d := hasPrefix(p.Deps, "github.com/wailsapp/"); d != "" {
				t.Errorf("%s depends on %s: only app/ and main may use Wails", path, d)
			}
		}
		if path != "qunzhu/backend/store" {
			if d := hasPrefix(p.Imports, "gorm.io/"); d != "" {
				t.Errorf("%s imports %s: only backend/store may use gorm", path, d)
			}
			for _, driver := range []string{"github.com/libtnb/sqlite", "modernc.org/sqlite"} {
				if d := hasPrefix(p.Imports, driver); d != "" {
					t.Errorf("%s imports %s: only backend/store may open SQLite", path, d)
				}
			}
		}
		if path != "qunzhu/backend/report" && !strings.HasPrefix(path, "qunzhu/backend/report/") {
			if d := hasPrefix(p.Imports, "github.com/go-echarts/"); d != "" {
				t.Errorf("%s imports %s: only backend/report may use go-echarts", path, d)
			}
		}
	}
}

// TestDomainIsStandardLibraryOnly keeps the core free of adapters, so every
// rule can be tested with no database, window or network.
func TestDomainIsStandardLibraryOnly(t *testing.T) {
	for _, p := range ourPackages(t) {
		if p.ImportPath != "qunzhu/backend/domain" {
			continue
		}
		for _, imp := range p.Imports {
			if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") || strings.HasPrefix(imp, "qunzhu/") {
				t.Errorf("backend/domain imports %s", imp)
			}
		}
		return
	}
	t.Fatal("backend/domain not found")
}

// TestContentIsPure keeps the content calendar's rules (plan generator,
// cadences, .ics) on the domain and the standard library only, so the plan
// is a pure function testable without a store.
func TestContentIsPure(t *testing.T) {
	for _, p := range ourPackages(t) {
		if p.ImportPath != "qunzhu/backend/content" {
			continue
		}
		for _, imp := range p.Imports {
			if imp != "qunzhu/backend/domain" && (strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") || strings.HasPrefix(imp, "qunzhu/")) {
				t.Errorf("backend/content imports %s", imp)
			}
		}
		return
	}
	t.Fatal("backend/content not found")
}

// TestBackendBuildsWithoutCgo is the promise that `go run ./backend/cmd/qunzhu`
// works on any machine with Go.
func TestBackendBuildsWithoutCgo(t *testing.T) {
	cmd := exec.Command("go", "build", "-o", t.TempDir()+"/qunzhu", "./backend/cmd/qunzhu")
	cmd.Dir = "../.."
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build ./backend/cmd/qunzhu: %v\n%s", err, out)
	}
}

// TestSynthIsPure keeps the synthetic-chat generator on the domain and the
// standard library: it writes the files the importers read, so it must not
// share their code (a bug in both would agree with itself).
func TestSynthIsPure(t *testing.T) {
	for _, p := range ourPackages(t) {
		if p.ImportPath != "qunzhu/backend/synth" {
			continue
		}
		for _, imp := range p.Imports {
			if imp != "qunzhu/backend/domain" && (strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") || strings.HasPrefix(imp, "qunzhu/")) {
				t.Errorf("backend/synth imports %s", imp)
			}
		}
		return
	}
	t.Fatal("backend/synth not found")
}
