package risk

import (
	"testing"
	"time"
)

// The late-found note reads as the issue asks, in both languages; one
// found in time carries none.
func TestFoundLateNote(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	lure := time.Date(2026, 5, 2, 18, 12, 0, 0, sh)
	for _, tc := range []struct {
		name     string
		occurred time.Time
		opened   time.Time
		typ      Category
		zh, en   string
	}{
		{"three days late", lure, lure.Add(3*24*time.Hour + 15*time.Minute + time.Hour), Fraud,
			"发生于 5月2日 18:12，发现时已超时 3 天", "Occurred May 2 18:12; already 3 d overdue when found"},
		{"hours late", lure, lure.Add(6 * time.Hour), PublicOpinion,
			"发生于 5月2日 18:12，发现时已超时 5 小时", "Occurred May 2 18:12; already 5 h overdue when found"},
		{"minutes late", lure, lure.Add(55 * time.Minute), Fraud,
			"发生于 5月2日 18:12，发现时已超时 40 分钟", "Occurred May 2 18:12; already 40 min overdue when found"},
		{"another year", lure.AddDate(-2, 0, 0), lure, Fraud,
			"发生于 2024年5月2日 18:12，发现时已超时 729 天", "Occurred May 2, 2024 18:12; already 729 d overdue when found"},
		{"found in time", lure, lure.Add(5 * time.Minute), Fraud, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			occ, due := Times(tc.typ, tc.occurred, tc.opened)
			i := Incident{Type: tc.typ, OccurredAt: occ, OpenedAt: tc.opened, DueAt: due}
			if got := FoundLateNote(i, sh, "zh"); got != tc.zh {
				t.Errorf("zh %q, want %q", got, tc.zh)
			}
			if got := FoundLateNote(i, sh, "en"); got != tc.en {
				t.Errorf("en %q, want %q", got, tc.en)
			}
		})
	}
}
