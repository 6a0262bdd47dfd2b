package domain

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// GroupType is the positioning model of a group (seed, dimension 1).
type GroupType string

const (
	TypeInterest GroupType = "interest" // 兴趣社交型
	TypeService  GroupType = "service"  // 客户服务型
	TypeResource GroupType = "resource" // 资源对接型
)

// GroupTypes lists the types in display order.
var GroupTypes = []GroupType{TypeInterest, TypeService, TypeResource}

// Profile is the industry benchmark profile a group is compared with (seed, dimension 8).
type Profile string

const (
	ProfileEducation Profile = "education" // 在线教育群
	ProfileEcommerce Profile = "ecommerce" // 电商福利群
	ProfileIndustry  Profile = "industry"  // 行业交流群
)

// Profiles lists the benchmark profiles in display order.
var Profiles = []Profile{ProfileEducation, ProfileEcommerce, ProfileIndustry}

// Defaults used when a group is created without them.
const (
	DefaultTimeZone    = "Asia/Shanghai"
	DefaultCheckinWord = "打卡"
	MaxGroupNameLen    = 64
	// MaxTargetSize is the largest target a group can have: a WeChat group
	// holds at most 500 members and a WeCom group 2,000, so a bigger number is
	// a typo (99,999,999 was once accepted), not a plan.
	MaxTargetSize = 2000
)

// Group is one WeChat group an operator runs.
type Group struct {
	ID               int64
	Name             string
	Type             GroupType
	ValueProposition string
	TimeZone         string   // IANA name; days and weeks are bucketed in it
	StaffAliases     []string // names or sender ids counted as staff besides admins
	Profile          Profile
	CheckinWord      string
	TargetSize       int // 0 when not set
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// GroupSummary is a group with the counts a list shows beside it.
type GroupSummary struct {
	Group
	Members       int        // members present now
	Messages      int        // countable messages ever imported
	LastMessageAt *time.Time // nil when no chat has been imported
	// Demo: the demo was loaded into the group. It is never one of "my
	// other groups" in a comparison, nor in the all-groups report unless
	// chosen, and 移除示例数据 deletes it.
	Demo bool
}

// GroupInput is what a user supplies to create or edit a group. Empty
// optional fields take the defaults of Normalize.
type GroupInput struct {
	Name             string
	Type             GroupType
	ValueProposition string
	TimeZone         string
	StaffAliases     []string
	Profile          Profile
	CheckinWord      string
	TargetSize       int
}

// Normalize trims the input, fills defaults and checks every field, returning
// the first problem as an EINVALID error naming the field.
func (in GroupInput) Normalize() (GroupInput, error) {
	in.Name = strings.TrimSpace(in.Name)
	in.ValueProposition = strings.TrimSpace(in.ValueProposition)
	in.TimeZone = strings.TrimSpace(in.TimeZone)
	in.CheckinWord = strings.TrimSpace(in.CheckinWord)
	if in.Type == "" {
		in.Type = TypeInterest
	}
	if in.TimeZone == "" {
		in.TimeZone = DefaultTimeZone
	}
	if in.CheckinWord == "" {
		in.CheckinWord = DefaultCheckinWord
	}
	if in.Profile == "" {
		in.Profile = DefaultProfile(in.Type)
	}
	in.StaffAliases = CleanList(in.StaffAliases)

	switch {
	case in.Name == "":
		return in, Errorf(EINVALID, "group.name_required", nil)
	case utf8.RuneCountInString(in.Name) > MaxGroupNameLen:
		return in, Errorf(EINVALID, "group.name_too_long", map[string]any{"max": MaxGroupNameLen})
	case !validType(in.Type):
		return in, Errorf(EINVALID, "group.type_invalid", map[string]any{"value": string(in.Type)})
	case !validProfile(in.Profile):
		return in, Errorf(EINVALID, "group.profile_invalid", map[string]any{"value": string(in.Profile)})
	case in.TargetSize < 0 || in.TargetSize > MaxTargetSize:
		return in, Errorf(EINVALID, "group.target_size_invalid", map[string]any{"value": in.TargetSize, "max": MaxTargetSize})
	}
	if _, err := time.LoadLocation(in.TimeZone); err != nil || in.TimeZone == "Local" {
		return in, Errorf(EINVALID, "group.tz_invalid", map[string]any{"value": in.TimeZone})
	}
	return in, nil
}

// DefaultProfile is the benchmark profile a new group of type t starts with,
// following the seed's three compared models: a class group answers
// students (service → education), a deals group gathers buyers around a shared
// interest (interest → e-commerce), an industry group matches resources
// (resource → industry).
func DefaultProfile(t GroupType) Profile {
	switch t {
	case TypeService:
		return ProfileEducation
	case TypeResource:
		return ProfileIndustry
	default:
		return ProfileEcommerce
	}
}

// Location returns the group's time zone, falling back to the default zone
// for a name the running system cannot load.
func (g Group) Location() *time.Location {
	if loc, err := time.LoadLocation(g.TimeZone); err == nil {
		return loc
	}
	loc, err := time.LoadLocation(DefaultTimeZone)
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}

func validType(t GroupType) bool {
	for _, v := range GroupTypes {
		if v == t {
			return true
		}
	}
	return false
}

func validProfile(p Profile) bool {
	for _, v := range Profiles {
		if v == p {
			return true
		}
	}
	return false
}

// CleanList trims each entry and drops empty ones and repeats, keeping order.
func CleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// GroupService is what the store offers for groups.
type GroupService interface {
	CreateGroup(ctx context.Context, in GroupInput) (Group, error)
	UpdateGroup(ctx context.Context, id int64, in GroupInput) (Group, error)
	Group(ctx context.Context, id int64) (Group, error)
	GroupByName(ctx context.Context, name string) (Group, error)
	Groups(ctx context.Context) ([]GroupSummary, error)
	GroupSummary(ctx context.Context, id int64) (GroupSummary, error)
}

// ReportGroups are the groups of an all-groups report: the operator's own,
// leaving out the demo's (a demo group is reported when chosen by itself);
// a workspace holding nothing but the demo reports the demo.
func ReportGroups(all []GroupSummary) []Group {
	var own, demo []Group
	for _, g := range all {
		if g.Demo {
			demo = append(demo, g.Group)
		} else {
			own = append(own, g.Group)
		}
	}
	if len(own) == 0 {
		return demo
	}
	return own
}
