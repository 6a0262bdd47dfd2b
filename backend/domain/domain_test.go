package domain

import (
	"strings"
	"testing"
	"time"
)

func TestGroupInputNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in      GroupInput
		wantKey string // "" for valid
		check   func(t *testing.T, g GroupInput)
	}{
		{name: "defaults", in: GroupInput{Name: " 读书会 "}, check: func(t *testing.T, g GroupInput) {
			if g.Name != "读书会" || g.Type != TypeInterest || g.TimeZone != "Asia/Shanghai" || g.CheckinWord != "打卡" || g.Profile != ProfileEcommerce {
				t.Errorf("defaults: %+v", g)
			}
		}},
		{name: "profile follows type", in: GroupInput{Name: "x", Type: TypeService}, check: func(t *testing.T, g GroupInput) {
			if g.Profile != ProfileEducation {
				t.Errorf("service group profile = %s", g.Profile)
			}
		}},
		{name: "explicit profile kept", in: GroupInput{Name: "x", Type: TypeService, Profile: ProfileIndustry}, check: func(t *testing.T, g GroupInput) {
			if g.Profile != ProfileIndustry {
				t.Errorf("profile = %s", g.Profile)
			}
		}},
		{name: "staff aliases cleaned", in: GroupInput{Name: "x", StaffAliases: []string{" 小林 ", "", "小林", "wxid_a"}}, check: func(t *testing.T, g GroupInput) {
			if strings.Join(g.StaffAliases, "|") != "小林|wxid_a" {
				t.Errorf("aliases = %q", g.StaffAliases)
			}
		}},
		{name: "64 characters of Chinese fit", in: GroupInput{Name: strings.Repeat("群", 64)}},
		{name: "empty name", in: GroupInput{Name: "   "}, wantKey: "group.name_required"},
		{name: "65 characters", in: GroupInput{Name: strings.Repeat("群", 65)}, wantKey: "group.name_too_long"},
		{name: "unknown type", in: GroupInput{Name: "x", Type: "party"}, wantKey: "group.type_invalid"},
		{name: "unknown profile", in: GroupInput{Name: "x", Profile: "bank"}, wantKey: "group.profile_invalid"},
		{name: "unknown zone", in: GroupInput{Name: "x", TimeZone: "Mars/Base"}, wantKey: "group.tz_invalid"},
		{name: "Local is not a zone", in: GroupInput{Name: "x", TimeZone: "Local"}, wantKey: "group.tz_invalid"},
		{name: "negative size", in: GroupInput{Name: "x", TargetSize: -1}, wantKey: "group.target_size_invalid"},
		{name: "size no group can reach", in: GroupInput{Name: "x", TargetSize: MaxTargetSize + 1}, wantKey: "group.target_size_invalid"},
		{name: "largest size", in: GroupInput{Name: "x", TargetSize: MaxTargetSize}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Normalize()
			if tt.wantKey == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if tt.check != nil {
					tt.check(t, got)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Key != tt.wantKey || e.Code != EINVALID {
				t.Fatalf("err = %v, want %s", err, tt.wantKey)
			}
		})
	}
}

func TestPresentAt(t *testing.T) {
	t0 := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	before, after := t0.Add(-time.Hour), t0.Add(time.Hour)
	tests := []struct {
		name string
		m    Member
		want bool
	}{
		{"join unknown, never left", Member{}, true},
		{"joined before", Member{JoinedAt: &before}, true},
		{"joined exactly at t", Member{JoinedAt: &t0}, true},
		{"joins later", Member{JoinedAt: &after}, false},
		{"left exactly at t", Member{JoinedAt: &before, LeftAt: &t0}, false},
		{"leaves later", Member{JoinedAt: &before, LeftAt: &after}, true},
		{"tagged left without a date", Member{LeftUndated: true}, false},
		{"dated leave wins over the tag", Member{LeftUndated: true, LeftAt: &after}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.PresentAt(t0); got != tt.want {
				t.Errorf("PresentAt = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDisplayName(t *testing.T) {
	tests := []struct {
		m    Member
		want string
	}{
		{Member{Nickname: "林知秋", SeenNames: []string{"林老师"}, WxID: "wxid_l"}, "林知秋"},
		{Member{SeenNames: []string{"Amy_Chen", "Amy"}, WxID: "wxid_a"}, "Amy_Chen"},
		{Member{WxID: "wxid_zym123demo"}, "wxid_zym123demo"},
	}
	for _, tt := range tests {
		if got := tt.m.DisplayName(); got != tt.want {
			t.Errorf("DisplayName(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestDedupeKey(t *testing.T) {
	at := time.Date(2024, 3, 4, 8, 5, 30, 0, time.UTC)
	a := DedupeKey("", at, "wxid_a", "林知秋", KindText, "早上好")
	if a != DedupeKey("", at.In(time.FixedZone("CST", 8*3600)), "wxid_a", "林知秋", KindText, " 早上好 ") {
		t.Error("the same message from two exports (other zone, padded text) must get the same key")
	}
	if a == DedupeKey("", at.Add(time.Second), "wxid_a", "林知秋", KindText, "早上好") {
		t.Error("messages a second apart must differ")
	}
	if DedupeKey("18231", at, "", "", KindText, "") != "id:18231" {
		t.Error("an export's own message id is the key")
	}
	if len(a) > 80 {
		t.Errorf("key %q is longer than the column", a)
	}
}

func TestErrorCode(t *testing.T) {
	if ErrorCode(nil) != "" || ErrorCode(Errorf(ENOTFOUND, "k", nil)) != ENOTFOUND || ErrorCode(errString("x")) != EINTERNAL {
		t.Error("ErrorCode mapping is wrong")
	}
}

type errString string

func (e errString) Error() string { return string(e) }
