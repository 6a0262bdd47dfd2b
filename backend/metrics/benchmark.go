package metrics

import (
	"strconv"
	"time"

	"qunzhu/backend/domain"
)

// Comparison row keys, in display order. churn_rate_12w is the members who
// left in the twelve weeks ending with the week over those present at their
// start: the seed's 42% names no period, and one week's churn is too noisy
// to set beside it. admin_share and core_share are of present members.
// active_rate is the week's distinct senders over members_end,
// commercial_rate the members who paid (entered by hand) over members_end,
// staff_ratio the present members per present staff member (StaffRatio).
var ComparisonKeys = []string{"messages_per_day", "members_end", "new_members", "next_day_retention", "churn_rate_12w", "admin_share", "core_share",
	"active_rate", "commercial_rate", "staff_ratio"}

// Reference is one figure the seed gives for a benchmark profile: a point
// (Min = Max), a range, or a bound (Min or Max alone). Source is the seed's
// own sentence, shown on hover so the operator can judge how far it applies.
type Reference struct {
	Key    string   `json:"key"`
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
	Source string   `json:"source"`
	// Condition names when the figure holds, a catalogue key suffix
	// ("over_50_new"); empty when it always does.
	Condition string `json:"condition"`
}

func point(v float64) [2]*float64     { return [2]*float64{&v, &v} }
func span(lo, hi float64) [2]*float64 { return [2]*float64{&lo, &hi} }
func atMost(hi float64) [2]*float64   { return [2]*float64{nil, &hi} }

// References are the seed's figures per benchmark profile (the source
// article of docs/metrics.md "Reference figures", sections 1, 2, 5 and 8). The seed's table of section 8 leaves most cells empty; only
// what it states is here, nothing is guessed.
var References = map[domain.Profile][]Reference{
	domain.ProfileIndustry: {
		// "数据显示,资源对接型群组日均消息量达287条,但成员流失率高达42%" — resource-matching
		// groups, which Qunzhu compares with the industry-exchange profile
		// (domain.DefaultProfile).
		ref("messages_per_day", point(287), "数据显示，资源对接型群组日均消息量达287条，但成员流失率高达42%", ""),
		ref("churn_rate_12w", point(0.42), "数据显示，资源对接型群组日均消息量达287条，但成员流失率高达42%", ""),
	},
	domain.ProfileEducation: {
		// Section 8's table: 在线教育群 · 成员规模 200-300人.
		ref("members_end", span(200, 300), "行业案例对比：在线教育群 成员规模 200-300人", ""),
		// Section 2: "教育类社群普遍采用三级架构:管理员(5%)-核心用户(15%)-普通成员(80%)".
		ref("admin_share", point(0.05), "教育类社群普遍采用三级架构：管理员(5%)-核心用户(15%)-普通成员(80%)", ""),
		ref("core_share", point(0.15), "教育类社群普遍采用三级架构：管理员(5%)-核心用户(15%)-普通成员(80%)", ""),
	},
	domain.ProfileEcommerce: {
		// Section 5: "某电商社群监测数据显示:当周新增用户>50人时,次日留存率下降至68%".
		ref("new_members", atMost(50), "某电商社群监测数据显示：当周新增用户>50人时，次日留存率下降至68%，提示需调整拉新节奏", ""),
		ref("next_day_retention", point(0.68), "某电商社群监测数据显示：当周新增用户>50人时，次日留存率下降至68%，提示需调整拉新节奏", "over_50_new"),
	},
}

func ref(key string, r [2]*float64, source, condition string) Reference {
	return Reference{Key: key, Min: r[0], Max: r[1], Source: source, Condition: condition}
}

// ComparisonRow is one figure of a group beside its profile's reference
// (nil: the seed gives none for this profile) and the mean of the
// operator's other groups that have the figure (nil: none has it).
type ComparisonRow struct {
	Key         string     `json:"key"`
	Value       *float64   `json:"value"`
	Reference   *Reference `json:"reference"`
	Others      *float64   `json:"others"`
	OthersCount int        `json:"others_count"`
}

// WeekCounts are the figures of the week the comparison takes from outside
// the roster: its countable messages and distinct senders (from the store's
// rollup and count) and the members who paid, entered by hand (nil: not
// entered).
type WeekCounts struct {
	Messages int
	Senders  int
	Paying   *int
}

// ComparisonFigures are a group's figures for the comparison, keyed by
// ComparisonKeys: c are the week's counts, weeks the TrendWeeks ending with
// the week. Everything else comes from the roster, so the operator's other
// groups cost a member list and a count or two each.
func ComparisonFigures(g domain.Group, roster []domain.Member, c WeekCounts, weeks []Week) map[string]*float64 {
	loc := g.Location()
	last := weeks[len(weeks)-1]
	var f Weekly
	members(&f, roster, last, loc)
	perDay := float64(c.Messages) / 7
	membersEnd, newMembers := float64(f.MembersEnd), float64(f.NewMembers)
	left := 0
	for _, w := range weeks {
		var wf Weekly
		members(&wf, roster, w, loc)
		left += wf.LeftMembers
	}
	var start Weekly
	members(&start, roster, weeks[0], loc)
	tiers := Tiers(roster, last.End)
	return map[string]*float64{
		"messages_per_day":   &perDay,
		"members_end":        &membersEnd,
		"new_members":        &newMembers,
		"next_day_retention": f.NextDayRetention,
		"churn_rate_12w":     ratio(left, start.MembersStart),
		"admin_share":        ratio(tiers.Admin, tiers.Present()),
		"core_share":         ratio(tiers.Core, tiers.Present()),
		"active_rate":        ratio(c.Senders, f.MembersEnd),
		"commercial_rate":    paying(c.Paying, f.MembersEnd),
		"staff_ratio":        StaffRatio(g, roster, last.End),
	}
}

// paying is commercial_rate: the members who paid over members_end; nil
// when not entered or when nobody is present.
func paying(n *int, membersEnd int) *float64 {
	if n == nil {
		return nil
	}
	return ratio(*n, membersEnd)
}

// StaffRatio is the members present at t per staff member present at t
// (admins, members named by a staff alias and the exporting account:
// what the roster alone tells); nil when no staff member is present.
func StaffRatio(g domain.Group, roster []domain.Member, t time.Time) *float64 {
	p := newPeople(g, roster, nil)
	present, staff := 0, 0
	for i := range roster {
		m := &roster[i]
		if (m.LeftUndated && m.LeftAt == nil) || !m.PresentAt(t) {
			continue
		}
		present++
		if p.staff[m.ID] {
			staff++
		}
	}
	if staff == 0 {
		return nil
	}
	r := float64(present) / float64(staff)
	return &r
}

// Compare sets a group's figures beside its profile's references and the
// mean of the other groups' figures.
func Compare(profile domain.Profile, own map[string]*float64, others []map[string]*float64) []ComparisonRow {
	refs := map[string]Reference{}
	for _, r := range References[profile] {
		refs[r.Key] = r
	}
	out := make([]ComparisonRow, 0, len(ComparisonKeys))
	for _, k := range ComparisonKeys {
		row := ComparisonRow{Key: k, Value: own[k]}
		if r, ok := refs[k]; ok {
			row.Reference = &r
		}
		sum := 0.0
		for _, o := range others {
			if v := o[k]; v != nil {
				sum += *v
				row.OthersCount++
			}
		}
		if row.OthersCount > 0 {
			mean := sum / float64(row.OthersCount)
			row.Others = &mean
		}
		out = append(out, row)
	}
	return out
}

// FormatComparison prints a comparison figure language-neutrally, as the
// CLI's table and the printable report show it: rates as percentages with
// one decimal, head counts whole, the rest with one decimal; "—" when not
// measured. key is a ComparisonKeys row or its contract name (members,
// churn_rate).
func FormatComparison(key string, v *float64) string {
	if v == nil {
		return "—"
	}
	switch key {
	case "active_rate", "churn_rate", "churn_rate_12w", "commercial_rate", "next_day_retention", "admin_share", "core_share":
		return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
	case "members", "members_end", "new_members":
		return strconv.FormatFloat(*v, 'f', 0, 64)
	}
	return strconv.FormatFloat(*v, 'f', 1, 64)
}

// FormatReference prints a reference as a point, a range ("200–300") or a
// bound ("≤ 50"); "—" when there is none.
func FormatReference(key string, ref *Reference) string {
	if ref == nil {
		return "—"
	}
	lo, hi := ref.Min, ref.Max
	switch {
	case lo != nil && hi != nil && *lo == *hi:
		return FormatComparison(key, lo)
	case lo != nil && hi != nil:
		return FormatComparison(key, lo) + "–" + FormatComparison(key, hi)
	case hi != nil:
		return "≤ " + FormatComparison(key, hi)
	case lo != nil:
		return "≥ " + FormatComparison(key, lo)
	}
	return "—"
}
