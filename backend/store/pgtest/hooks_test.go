package pgtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryWorkspacePackageHasAHook: a package whose tests open a
// workspace runs them through Main (its pg_main_test.go), so make test-pg,
// which runs exactly the packages holding that file, covers it too.
func TestEveryWorkspacePackageHasAHook(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	opens := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") || d.Name() == "hooks_test.go" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s := string(src)
		if strings.Contains(s, `"qunzhu/backend/store/storetest"`) || strings.Contains(s, "store.Open(") {
			opens[filepath.Dir(path)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	opens[filepath.Join(root, "backend", "store")] = true
	if len(opens) < 5 {
		t.Fatalf("found only %d packages that open a workspace: %v", len(opens), opens)
	}
	for dir := range opens {
		hook, err := os.ReadFile(filepath.Join(dir, "pg_main_test.go"))
		if err != nil || !strings.Contains(string(hook), "pgtest.Main(m)") {
			t.Errorf("%s opens workspaces in its tests but has no pg_main_test.go calling pgtest.Main(m)", dir)
		}
	}
}

// TestOnlyTestsReachTheTestServer: outside test files, pgtest is imported
// only by storetest and by the store's file built with the pgtest tag, so
// no program build can send a workspace to a test server.
func TestOnlyTestsReachTheTestServer(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	allowed := map[string]bool{
		filepath.Join(root, "backend", "store", "redirect_pgtest.go"):        true,
		filepath.Join(root, "backend", "store", "storetest", "storetest.go"): true,
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), `"qunzhu/backend/store/pgtest"`) && !allowed[path] {
			t.Errorf("%s imports pgtest: only tests, storetest and the store's pgtest-tagged file may", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
