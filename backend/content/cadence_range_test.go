package content

import (
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// TestCadenceRefusesOutOfRangeWithTheRange: a number outside its range is
// refused, and the words name the range and what was sent.
func TestCadenceRefusesOutOfRangeWithTheRange(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Cadence)
		want string
	}{
		{"shares", func(c *Cadence) { c.SharesPerWeek = 15 }, "每周主题分享应在 0 到 14 次之间，收到 15"},
		{"cap", func(c *Cadence) { c.DailyCap = 0 }, "每日上限应在 1 到 12 条之间，收到 0"},
		{"gap", func(c *Cadence) { c.MinGap = -10 * time.Minute }, "最小间隔应在 0 到 720 分钟之间，收到 -10"},
		{"nth", func(c *Cadence) { c.UGCNth = 5 }, "征集周次应在 1 到 4 之间，收到 5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := DefaultCadence(1, domain.TypeInterest)
			tc.edit(&c)
			err := c.Validate()
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("Validate: %v, want refused", err)
			}
			if got := msg.Error(msg.ZH, err); !strings.Contains(got, tc.want) {
				t.Errorf("words %q, want %q", got, tc.want)
			}
		})
	}
	if err := DefaultCadence(1, domain.TypeInterest).Validate(); err != nil {
		t.Errorf("the default cadence: %v", err)
	}
}
