package auditlog

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func TestSummaryAndWords(t *testing.T) {
	tests := []struct {
		name, lang string
		e          domain.AuditEntry
		want       string
	}{
		{"edit", "zh", domain.AuditEntry{Before: `{"name":"陈晓雨","tier":"normal","notes":"***"}`, After: `{"name":"陈晓雨","tier":"core","notes":"***"}`},
			"name: 陈晓雨 → 陈晓雨; notes: （已修改，内容保密） → （已修改，内容保密）; tier: normal → core"},
		{"creation", "en", domain.AuditEntry{After: `{"file":"a.csv","rows":3,"tags":["x","y"],"locked":true}`},
			"file: a.csv; locked: yes; rows: 3; tags: x、y"},
		{"undo", "zh", domain.AuditEntry{Before: `{"kind":"chat","imported":0}`}, "kind: chat; imported: 0"},
		{"not json", "zh", domain.AuditEntry{After: "plain"}, "value: plain"},
		{"null", "zh", domain.AuditEntry{Before: `{"left_at":null}`, After: `{"left_at":"2024-03-06T12:00:00Z"}`}, "left_at: — → 2024-03-06T12:00:00Z"},
	}
	for _, tt := range tests {
		if got := Summary(tt.lang, tt.e); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if Action("zh", "member.update") != "编辑成员" || Action("en", "import.chat") != "Imported chat history" || Action("zh", "no.such.action") != "no.such.action" {
		t.Error("action words")
	}
	if Entity("zh", domain.AuditEntry{Entity: "member", EntityID: 12}) != "成员 #12" || Entity("en", domain.AuditEntry{Entity: "setting"}) != "Setting" {
		t.Error("entity words")
	}
	now := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	at := time.Date(2024, 5, 6, 20, 30, 0, 0, time.UTC)
	for _, c := range []struct{ lang, want string }{{"zh", "5月6日 20:30"}, {"en", "May 6 20:30"}} {
		if got := When(c.lang, at, now); got != c.want {
			t.Errorf("When(%s) = %q", c.lang, got)
		}
	}
	if got := When("zh", at, now.AddDate(1, 0, 0)); got != "2024年5月6日 20:30" {
		t.Errorf("another year: %q", got)
	}
}

// TestExportGuardsFormulas: text from the data (a group name, a rule word)
// that a spreadsheet would run as a formula is written as text.
func TestExportGuardsFormulas(t *testing.T) {
	entries := []domain.AuditEntry{{ID: 1, At: time.Date(2024, 5, 6, 12, 30, 0, 0, time.UTC), Operator: "=cmd|' /C calc'!A0",
		Action: "rules.update", Entity: "group", EntityID: 3, GroupID: 3, After: `{"ad_words":["+加V"]}`}}
	table := Table(entries, map[int64]string{3: "@读书会"}, time.UTC, "zh")
	var buf bytes.Buffer
	if err := Write(&buf, FormatCSV, table, "zh"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"2024-05-06 12:30:00", "'=cmd", "'@读书会", "修改群规", "rules.update", "ad_words: +加V"} {
		if !strings.Contains(out, want) {
			t.Errorf("csv lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ",=cmd") || strings.Contains(out, ",@读书会") {
		t.Errorf("unguarded formula:\n%s", out)
	}
	buf.Reset()
	if err := Write(&buf, FormatXLSX, table, "en"); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("PK")) {
		t.Errorf("xlsx: %v", err)
	}
	if err := Write(&buf, "pdf", table, "en"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("pdf: %v", err)
	}
}

// FuzzChanges: any snapshot text (a row written by a newer build, a
// damaged one) renders without panicking, one change per field, and a
// sealed value never comes back as the raw marker.
func FuzzChanges(f *testing.F) {
	for _, s := range []string{`{"tier":"core","notes":"***"}`, `{"tags":["a",1,null,{"x":true}]}`, `[]`, `null`, `"***"`, `{`, ``, `{"a":1e999}`} {
		f.Add(s, `{"tier":"normal"}`)
	}
	f.Fuzz(func(t *testing.T, before, after string) {
		e := domain.AuditEntry{Before: before, After: after}
		for _, lang := range []string{"zh", "en"} {
			for _, c := range Changes(lang, e) {
				if c.Before == Sealed || c.After == Sealed {
					t.Fatalf("sealed marker shown raw: %+v", c)
				}
			}
			_ = Summary(lang, e)
		}
	})
}
