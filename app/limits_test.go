package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
	"qunzhu/backend/screening"
	"qunzhu/backend/store"
)

// TestFormLimitsAgreeWithGo: every range the window's forms refuse outside
// of (frontend/src/forms/limits.ts) is the range Go refuses outside of:
// its bounds are accepted, one step beyond each is refused.
func TestFormLimitsAgreeWithGo(t *testing.T) {
	src, err := os.ReadFile("../frontend/src/forms/limits.ts")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	rules := func(edit func(*domain.RuleSet)) error {
		r := domain.RuleSet{FloodCount: 5, FloodSeconds: 60, StrikeDays: 30, StrikeLimit: 3, InactiveDays: 14, ShareQuota: 2}
		edit(&r)
		_, err := r.Validate()
		return err
	}
	cadence := func(edit func(*content.Cadence)) error {
		c := content.DefaultCadence(1, domain.TypeInterest)
		edit(&c)
		return c.Validate()
	}
	hours := func(open, close int) error {
		_, err := screening.Criteria{OpenHour: open, CloseHour: close}.Validate()
		return err
	}
	checks := map[string]func(v int) error{
		"cadenceShares": func(v int) error { return cadence(func(c *content.Cadence) { c.SharesPerWeek = v }) },
		"cadenceCap":    func(v int) error { return cadence(func(c *content.Cadence) { c.DailyCap = v }) },
		"cadenceGap": func(v int) error {
			return cadence(func(c *content.Cadence) { c.MinGap = time.Duration(v) * time.Minute })
		},
		"screeningOpen":  func(v int) error { return hours(v, map[bool]int{true: 24, false: 23}[v != 24]) },
		"screeningClose": func(v int) error { return hours(map[bool]int{true: 0, false: 1}[v != 0], v) },
		"riskThreshold": func(v int) error {
			_, err := risk.Set{Key: risk.SetBurst, Level: 2, Enabled: true, Threshold: v}.Validate()
			return err
		},
		"backupKeep":   func(v int) error { return st.SetBackupKeep(ctx, v) },
		"floodCount":   func(v int) error { return rules(func(r *domain.RuleSet) { r.FloodCount = v }) },
		"floodSeconds": func(v int) error { return rules(func(r *domain.RuleSet) { r.FloodSeconds = v }) },
		"strikeDays":   func(v int) error { return rules(func(r *domain.RuleSet) { r.StrikeDays = v }) },
		"strikeLimit":  func(v int) error { return rules(func(r *domain.RuleSet) { r.StrikeLimit = v }) },
		"inactiveDays": func(v int) error { return rules(func(r *domain.RuleSet) { r.InactiveDays = v }) },
		"shareQuota":   func(v int) error { return rules(func(r *domain.RuleSet) { r.ShareQuota = v }) },
		"targetSize": func(v int) error {
			_, err := domain.GroupInput{Name: "群", TargetSize: v}.Normalize()
			return err
		},
		"points": func(v int) error {
			_, err := domain.PointGrant{GroupID: 1, MemberID: 1, Points: v, Reason: "分享"}.Validate()
			return err
		},
	}
	re := regexp.MustCompile(`(?m)^\s*(\w+): \{ min: (-?\d+), max: (\d+)`)
	seen := 0
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		name := m[1]
		lo, _ := strconv.Atoi(m[2])
		hi, _ := strconv.Atoi(m[3])
		check, ok := checks[name]
		if !ok {
			if name == "mutePercent" { // a share 0–1 in Go, entered in %: checked below
				continue
			}
			t.Errorf("limits.ts: %s has no Go check here; add one", name)
			continue
		}
		seen++
		for _, v := range []int{lo, hi} {
			if err := check(v); err != nil {
				t.Errorf("%s: %d is allowed in the window but Go refuses it: %v", name, v, err)
			}
		}
		for _, v := range []int{lo - 1, hi + 1} {
			if err := check(v); domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("%s: %d is refused in the window but Go takes it (%v)", name, v, err)
			}
		}
	}
	if seen != len(checks) {
		t.Errorf("checked %d ranges of limits.ts, want %d", seen, len(checks))
	}
	for _, pct := range []float64{0, 100} {
		share := pct / 100
		if err := (domain.WeekInput{GroupID: 1, Week: "2024-W10", MuteRate: &share}).Validate(); err != nil {
			t.Errorf("mute rate %v%%: %v", pct, err)
		}
	}
	over := 1.001
	if err := (domain.WeekInput{GroupID: 1, Week: "2024-W10", MuteRate: &over}).Validate(); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("mute rate 100.1%%: %v, want refused", err)
	}
}
