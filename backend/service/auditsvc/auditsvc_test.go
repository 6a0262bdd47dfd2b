package auditsvc_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/auditsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ auditsvc.Store = (*store.Store)(nil)

// TestLogFilterPageExport: changes made under two operator names are
// listed newest first with their group's name, narrowed by group, action
// prefix and operator, and exported in full to CSV.
func TestLogFilterPageExport(t *testing.T) {
	now := time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)
	st := storetest.OpenAt(t, domain.FixedClock(now))
	svc := auditsvc.New(st, domain.FixedClock(now))
	ctx := context.Background()
	if op, err := svc.Operator(ctx); err != nil || op.Source != "default" {
		t.Fatalf("operator = %+v (%v)", op, err)
	}
	a, err := st.CreateGroup(ctx, domain.GroupInput{Name: "甲群"})
	if err != nil {
		t.Fatal(err)
	}
	if name, err := svc.SetOperatorName(ctx, "运营小王"); err != nil || name != "运营小王" {
		t.Fatalf("set operator: %q (%v)", name, err)
	}
	if op, _ := svc.Operator(ctx); op.Name != "运营小王" || op.Source != "setting" {
		t.Errorf("operator after set = %+v", op)
	}
	b, err := st.CreateGroup(ctx, domain.GroupInput{Name: "乙群"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		f      domain.AuditFilter
		groups string // the entries' group names, newest first
	}{
		{"all group creations", domain.AuditFilter{Action: " group "}, "乙群,甲群"},
		{"one group", domain.AuditFilter{GroupID: a.ID, Action: "group"}, "甲群"},
		{"one operator", domain.AuditFilter{Operator: "运营小王", Action: "group"}, "乙群"},
		{"after now", domain.AuditFilter{From: now.Add(time.Hour)}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			log, err := svc.List(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range log.Entries {
				names = append(names, log.GroupNames[e.GroupID])
			}
			if got := strings.Join(names, ","); got != c.groups {
				t.Errorf("groups %q, want %q", got, c.groups)
			}
		})
	}
	page, err := svc.Page(ctx, domain.AuditFilter{})
	if err != nil || page.More || len(page.Entries) < 3 || len(page.Operators) != 2 {
		t.Errorf("page = %+v (%v)", page, err)
	}
	out := filepath.Join(t.TempDir(), "log.csv")
	n, err := svc.Export(ctx, out, "csv", domain.AuditFilter{GroupID: b.ID}, "zh")
	data, _ := os.ReadFile(out)
	if err != nil || n != 1 || strings.Count(string(data), "\r\n") != 2 || !strings.Contains(string(data), "乙群") {
		t.Errorf("export %d (%v):\n%s", n, err, data)
	}
	if _, err := svc.Export(ctx, out, "pdf", domain.AuditFilter{}, "zh"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("pdf export: %v", err)
	}
	if name := svc.ExportName("en", "xlsx"); !strings.HasSuffix(name, "-2024-03-06.xlsx") {
		t.Errorf("export name %q", name)
	}
}

func TestDaysAndFormat(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2024, 3, day, 0, 0, 0, 0, time.Local) }
	from, to, ok := auditsvc.Days(d(1), d(6))
	if !ok || !from.Equal(d(1)) || !to.Equal(d(7)) {
		t.Errorf("1–6 March: %v %v %v", from, to, ok)
	}
	if _, _, ok := auditsvc.Days(d(7), d(6)); ok {
		t.Error("an empty span was accepted")
	}
	if _, to, ok := auditsvc.Days(time.Time{}, time.Time{}); !ok || !to.IsZero() {
		t.Error("open span")
	}
	for path, want := range map[string]string{"a.CSV": "csv", "b.xlsx": "xlsx", "c.txt": ""} {
		f, err := auditsvc.FormatOf(path)
		if (err == nil) != (want != "") || (want != "" && f != want) {
			t.Errorf("FormatOf(%s) = %q, %v", path, f, err)
		}
	}
}
