package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportChatUnclosedQuote: issue 18 for chat files through the command
// line — the typed sheet and the MemoTrace export with a quote left open
// mid-file are refused naming the quote's line, with every data row counted;
// with --partial every other row goes in.
func TestImportChatUnclosedQuote(t *testing.T) {
	tests := []struct {
		file, column string
		line, rows   int
	}{
		{"typed_quotes.csv", "内容", 4, 39},
		{"memotrace_quotes.csv", "StrContent", 11, 43},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "q.db")
			if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书群"); code != 0 {
				t.Fatal(errs)
			}
			path := samples + tt.file
			code, _, errs := runCLI(t, db, "import", "chat", "--group", "读书群", path)
			if code != 1 || !strings.Contains(errs, "第 "+strconv.Itoa(tt.line)+" 行：引号未闭合：“"+tt.column+"”列") || !strings.Contains(errs, "未导入任何数据") {
				t.Errorf("refused: exit %d, stderr %q; want 1 naming line %d", code, errs, tt.line)
			}
			code, refused := chatImportSummary(t, db, "--group", "读书群", path)
			if code != 1 || refused.Rows != tt.rows || refused.Imported != 0 || len(refused.Errors) != 1 || refused.Errors[0].Line != tt.line {
				t.Errorf("refused summary: exit %d, %+v; want %d rows, the error on line %d", code, refused, tt.rows, tt.line)
			}

			code, _, errs = runCLI(t, db, "import", "chat", "--group", "读书群", path, "--partial", "--lang", "en")
			if code != 0 || !strings.Contains(errs, "line "+strconv.Itoa(tt.line)+": unclosed quote: the \""+tt.column+"\" column") {
				t.Errorf("--partial: exit %d, stderr %q", code, errs)
			}
			code, again := chatImportSummary(t, db, "--group", "读书群", path, "--partial")
			if code != 0 || again.Rows != tt.rows || again.SkippedDuplicates != tt.rows-1 || len(again.Errors) != 1 {
				t.Errorf("--partial again: exit %d, %+v; want %d rows, all but the bad one already there", code, again, tt.rows)
			}
			rowsAccounted(t, again)
		})
	}
}

func chatImportSummary(t *testing.T, db string, args ...string) (int, summaryJSON) {
	t.Helper()
	code, out, errs := runCLI(t, db, append([]string{"--json", "import", "chat"}, args...)...)
	var sum summaryJSON
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("exit %d, summary is not JSON: %v\n%s\n%s", code, err, out, errs)
	}
	return code, sum
}
