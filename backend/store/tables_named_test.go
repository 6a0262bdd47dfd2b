package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// TestEveryTableHasAName: the window's 迁移工作区 screen lists the tables a
// move copied (Move) in words, from move.tables in the i18n files; a table
// added to the schema without a name there would show as its SQL name.
func TestEveryTableHasAName(t *testing.T) {
	s := mustOpenAt(t, filepath.Join(t.TempDir(), "q.db"), Options{Clock: domain.FixedClock(t0)})
	tables, err := s.db.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	tables = slicesWithout(tables, "schema_versions", "sqlite_sequence")
	for _, file := range []string{"../../frontend/src/i18n/zh-CN.ts", "../../frontend/src/i18n/en.ts"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		start := strings.Index(text, "\n    tables: {")
		if start < 0 {
			t.Fatalf("%s: no move.tables", file)
		}
		block := text[start : start+strings.Index(text[start:], "\n    },")]
		for _, tbl := range tables {
			if !strings.Contains(block, "\n      "+tbl+": '") {
				t.Errorf("%s: table %s has no name in move.tables", file, tbl)
			}
		}
	}
}
