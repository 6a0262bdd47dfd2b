package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
	"qunzhu/backend/screening"
	"qunzhu/backend/store/storetest"
)

// optionSources names the Go constant (or function) behind each number of
// OptionsDTO, by its JSON path; the scan below names it in its findings. A
// number added to the DTO without a name here fails TestOptionsNamed.
var optionSources = map[string]string{
	"limits.cadenceShares.max": "content.MaxSharesPerWeek", "limits.cadenceCap.max": "content.MaxDailyCap",
	"limits.cadenceGap.max": "content.MaxMinGapMinutes", "limits.screeningOpen.max": "screening.MaxOpenHour",
	"limits.screeningClose.max": "screening.MaxCloseHour", "limits.riskThreshold.min": "risk.MinBurstThreshold",
	"limits.riskThreshold.max": "risk.MaxBurstThreshold", "limits.backupKeep.max": "store.MaxBackupKeep",
	"limits.floodCount.min": "domain.MinFloodCount", "limits.floodCount.max": "domain.MaxFloodCount",
	"limits.floodSeconds.max": "domain.MaxFloodSeconds", "limits.strikeDays.max": "domain.MaxStrikeDays",
	"limits.strikeLimit.max": "domain.MaxStrikeLimit", "limits.inactiveDays.min": "domain.MinInactiveDays",
	"limits.inactiveDays.max": "domain.MaxInactiveDays", "limits.shareQuota.max": "domain.MaxShareQuota",
	"limits.targetSize.max": "domain.MaxTargetSize", "limits.points.max": "domain.MaxPointsEntry",
	"lengths.groupName": "domain.MaxGroupNameLen", "lengths.notes": "domain.MaxNotesLen", "lengths.tags": "domain.MaxTags",
	"lengths.tag": "domain.MaxTagLen", "lengths.pointsReason": "domain.MaxPointsReason", "lengths.operator": "domain.OperatorMaxLen",
	"lengths.ruleWords": "domain.MaxRuleWords", "lengths.ruleWord": "domain.MaxRuleWordLen", "lengths.riskWords": "risk.MaxWords",
	"lengths.riskWord": "risk.MaxWordLen", "lengths.playbook": "risk.MaxPlaybookLen", "lengths.template": "automation.MaxTemplateLen",
	"lengths.keyword": "automation.MaxKeywordLen", "lengths.keywords": "automation.MaxKeywords", "lengths.link": "automation.MaxLinkLen",
	"lengths.minPassphrase": "store.MinPassphrase",
	"defaults.floodCount":   "metrics.DefaultRules().FloodCount", "defaults.floodSeconds": "metrics.DefaultRules().FloodWithin",
	"defaults.strikeDays": "metrics.DefaultStrikeDays", "defaults.strikeLimit": "metrics.DefaultStrikeLimit",
	"defaults.inactiveDays": "metrics.DefaultInactiveDays", "defaults.shareQuota": "metrics.DefaultShareQuota",
	"defaults.openHour": "screening.DefaultCriteria().OpenHour", "defaults.closeHour": "screening.DefaultCriteria().CloseHour",
	"defaults.backupKeep": "store.DefaultBackupKeep",
	"points.checkin":      "metrics.CheckinPoints", "points.share": "metrics.SharePoints",
	"thresholds.responseMinutes": "metrics.ResponseLimitMinutes", "thresholds.newMembers": "metrics.NewMembersLimit",
	"thresholds.muteRatePercent": "metrics.MuteRateLimit", "thresholds.linkClickPercent": "metrics.LinkClickRateLimit",
	"thresholds.checksTotal": "metrics.ChecksTotal", "thresholds.scoreGood": "metrics.ScoreGood", "thresholds.scoreFair": "metrics.ScoreFair",
	"thresholds.adminPercent": "tiers.AdminPercent", "thresholds.corePercent": "tiers.CorePercent",
	"thresholds.normalPercent": "100 - tiers.AdminPercent - tiers.CorePercent", "thresholds.topPercent": "tiers.TopPercent",
	"thresholds.minFriends": "screening.MinFriends", "thresholds.minOverlapPercent": "screening.MinOverlap",
	"thresholds.activityDays": "ledger.ActivityDays", "thresholds.trendWeeks": "metrics.TrendWeeks",
	"thresholds.replyWindowMinutes": "automation.ReplyWindow", "thresholds.primeStartMinute": "content.PrimeStart",
	"thresholds.primeEndMinute": "content.PrimeEnd", "thresholds.fraudTimerMinutes": "risk.Timer(risk.Fraud)",
	"thresholds.openRatePercent": "content.OpenRateReference", "thresholds.conversionPercent": "content.ConversionReference",
	"thresholds.participationPercent": "content.ParticipationReference", "thresholds.targetMix.*.percent": "content.TargetMix",
	// the live watch (issue 24)
	"limits.liveEvery.min": "domain.MinLiveEverySeconds", "limits.liveEvery.max": "domain.MaxLiveEverySeconds",
	"limits.replyMinutes.min": "domain.MinReplyMinutes", "limits.replyMinutes.max": "domain.MaxReplyMinutes",
	"defaults.liveEverySeconds": "domain.DefaultLiveEverySeconds", "defaults.replyMinutes": "domain.DefaultReplyMinutes",
}

// sourceOf names the Go source of the number at path; a list's items are
// named alike (path.*.field).
func sourceOf(path string) string {
	return optionSources[listIndex.ReplaceAllString(path, ".*.")]
}

var listIndex = regexp.MustCompile(`\.\d+\.`)

// optionNumbers flattens the DTO into its whole numbers by JSON path.
func optionNumbers(t *testing.T) map[string]int {
	b, err := json.Marshal((&OptionsService{}).Options())
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				walk(strings.TrimPrefix(prefix+"."+k, "."), c)
			}
		case []any:
			for i, c := range x {
				walk(prefix+"."+strconv.Itoa(i), c)
			}
		case float64:
			out[prefix] = int(x)
		}
	}
	walk("", tree)
	return out
}

// TestOptionsNamed: every number the window is sent has its Go source
// named above, so a finding of the scan says which constant to use.
func TestOptionsNamed(t *testing.T) {
	for path, v := range optionNumbers(t) {
		if sourceOf(path) == "" && distinctive(v) {
			t.Errorf("options %s = %d: name its Go constant in optionSources", path, v)
		}
	}
	o := (&OptionsService{}).Options()
	if o.Defaults.Profiles[string(domain.TypeService)] != string(domain.DefaultProfile(domain.TypeService)) || len(o.Defaults.Profiles) != len(domain.GroupTypes) {
		t.Errorf("default profiles %v, want domain.DefaultProfile of each of %v", o.Defaults.Profiles, domain.GroupTypes)
	}
}

// distinctive is the rule for which numbers the scan looks for: a number
// of 3 or more that is not a unit of the calendar, the clock or percent
// (7 days, 23 and 24 hours, 60 minutes, 100 percent, 1000), since 0, 1, 2 and
// those appear in code and texts for reasons of their own. A rule whose
// value is one of them is still sent and used through the options; the
// scan only cannot tell its copy from an ordinary number.
func distinctive(v int) bool {
	switch v {
	case 7, 23, 24, 60, 100, 1000:
		return false
	}
	return v >= 3
}

// ruleContexts are the places where a literal number is a rule rather than
// layout or arithmetic: a bound limit of an input (`:max="3600"`), a
// fallback (`?? 14`, `|| 5`), a comparison (`>= 80`), an assignment or
// default (`= 15`), a signed amount in a text (`+5`), a number with a
// unit in a text (`15 分钟`, `80%`, `28 days`) and a bound in words
// (`超过 500`, `more than 50`).
var ruleContexts = []*regexp.Regexp{
	regexp.MustCompile(`:(?:max|min|maxlength|minlength)="(\d+)"`),
	regexp.MustCompile(`(?:\?\?|\|\|)\s*(\d+)`),
	regexp.MustCompile(`(?:>=|<=|[^=>]>|<)\s*(\d+)`),
	regexp.MustCompile(`(?:^|[^=!<>+\-*/])=\s*(\d+)`),
	regexp.MustCompile(`\+(\d+)`),
	regexp.MustCompile(`(\d+)[\s-]*(?:%|％|分钟|天|周|人|小时|分|次|个|条|minutes?\b|min\b|days?\b|weeks?\b|members?\b|people\b|hours?\b|points?\b|characters?\b|friends\b)`),
	regexp.MustCompile(`(?:超过|不超过|少于|至少|前|≤|≥|(?i:more than|fewer than|at least|over|under|above|below|top))\s*(\d+)`),
}

// TestOptionsNotCopiedInFrontend: no frontend source writes one of Go's
// numbers itself where it is a rule; it takes it from the options store
// (frontend/src/options.ts). Tests, test support (src/testing) and the
// generated bindings are not scanned; comments and <style> blocks are
// skipped, and so is a line marked with the comment "not a Go rule" (a
// number of the window's own that happens to equal one of Go's, e.g. a
// list shown 30 at a time).
func TestOptionsNotCopiedInFrontend(t *testing.T) {
	byValue := map[int][]string{}
	for path, v := range optionNumbers(t) {
		if distinctive(v) {
			byValue[v] = append(byValue[v], sourceOf(path))
		}
	}
	for _, names := range byValue {
		sort.Strings(names)
	}
	prime, mix := writtenForms()
	root := filepath.Join("..", "frontend", "src")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testing" {
			return filepath.SkipDir
		}
		if d.IsDir() || strings.HasSuffix(path, ".test.ts") || !(strings.HasSuffix(path, ".ts") || strings.HasSuffix(path, ".vue")) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		findings := append(copiedNumbers(string(src), byValue), copiedForms(string(src), prime, mix)...)
		for _, f := range findings {
			t.Errorf("%s:%s", filepath.ToSlash(strings.TrimPrefix(path, filepath.Join("..", "frontend")+string(filepath.Separator))), f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writtenForms are two rules written as text rather than a number: prime
// time as a clock ("20:00–22:00") and the target mix as its shares in
// content.Types order ("35/28/22/15").
func writtenForms() (prime, mix string) {
	th := (&OptionsService{}).Options().Thresholds
	clock := func(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
	var shares []string
	for _, s := range th.TargetMix {
		shares = append(shares, strconv.Itoa(s.Percent))
	}
	return clock(th.PrimeStartMinute) + "–" + clock(th.PrimeEndMinute), strings.Join(shares, "/")
}

// copiedForms lists the lines of src (comments skipped) that write prime
// time or the target mix themselves.
func copiedForms(src, prime, mix string) []string {
	var out []string
	for i, line := range strings.Split(src, "\n") {
		if blockComment.MatchString(line) || strings.Contains(line, notGoRule) {
			continue
		}
		code := lineComment.ReplaceAllString(line, "")
		if strings.Contains(code, prime) {
			out = append(out, fmt.Sprintf("%d: %s is Go's content.PrimeStart–PrimeEnd: take it from the options ({prime})", i+1, prime))
		}
		if strings.Contains(code, mix) {
			out = append(out, fmt.Sprintf("%d: %s is Go's content.TargetMix: take it from the options ({mix})", i+1, mix))
		}
	}
	return out
}

// notGoRule marks a line whose number is the window's own.
const notGoRule = "not a Go rule"

var (
	lineComment  = regexp.MustCompile(`(^|\s)//.*$`)
	blockComment = regexp.MustCompile(`^\s*(/\*|\*|<!--)`)
)

// copiedNumbers lists "line: value is Go's X" for each rule context of src
// holding a value of byValue, skipping comments and numbers that are part
// of a longer one (a version 3.x, a time 20:00, a date 2024-03-04).
func copiedNumbers(src string, byValue map[int][]string) []string {
	var out []string
	style := false
	for i, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, "<style") {
			style = true
		}
		if style || blockComment.MatchString(line) || strings.Contains(line, notGoRule) {
			style = style && !strings.HasPrefix(line, "</style>")
			continue
		}
		line = lineComment.ReplaceAllString(line, "")
		seen := map[int]bool{}
		for _, re := range ruleContexts {
			for _, m := range re.FindAllStringSubmatchIndex(line, -1) {
				s, e := m[2], m[3]
				if s > 0 && strings.ContainsRune("0123456789.:/-_", rune(line[s-1])) || e < len(line) && strings.ContainsRune("./_0123456789", rune(line[e])) || strings.HasPrefix(line[e:], ":") && len(line) > e+1 && line[e+1] >= '0' && line[e+1] <= '9' {
					continue
				}
				v, _ := strconv.Atoi(line[s:e])
				if names, ok := byValue[v]; ok && !seen[s] {
					seen[s] = true
					out = append(out, fmt.Sprintf("%d: %d is Go's %s: take it from the options", i+1, v, strings.Join(names, " or ")))
				}
			}
		}
	}
	return out
}

// TestOptionsScanFinds keeps the scan honest: it finds the copies it is
// meant to find and leaves layout and arithmetic alone.
func TestOptionsScanFinds(t *testing.T) {
	byValue := map[int][]string{3600: {"domain.MaxFloodSeconds"}, 15: {"metrics.ResponseLimitMinutes"}, 5: {"metrics.CheckinPoints"}, 80: {"metrics.ScoreGood"}, 500: {"screening.MinFriends"}, 50: {"metrics.NewMembersLimit"}}
	for src, want := range map[string]int{
		`<n-input-number :max="3600" />`:               1,
		`limitMinutes: d?.limitMinutes ?? 15,`:         1,
		`hint: '打卡每天 +5，主讲主题分享',`:                      1,
		`if (score >= 80) return 'good'`:               1,
		`const limit = 15`:                             1,
		`friends: '好友数：{friends}（需超过 500）',`:           1,
		`response: '群主响应时效分布，15分钟阈值线',`:                1,
		`<svg viewBox="0 0 24 24" width="15">`:         0,
		`const h = Math.floor((total % 86400) / 3600)`: 0,
		`short: '电脑版微信 3.x，20:00 开始',`:                 0,
		`// a comment about 15 minutes`:                0,
		`x === 5 ? a : b`:                              0,
		"const limit = 15 // not a Go rule: a page":    0,
		"<style>\n.a { width: 15%; }\n</style>":        0,
		`response: 'with the 15-minute threshold',`:    1,
		`new_members: 'Threshold ≤ 50: above it',`:     1,
	} {
		if got := len(copiedNumbers(src, byValue)); got != want {
			t.Errorf("%s: %d findings, want %d", src, got, want)
		}
	}
	prime, mix := writtenForms()
	if n := len(copiedForms("prime: '黄金时段 "+prime+"',\n// the "+prime+" band\nmix: '"+mix+"',", prime, mix)); n != 2 {
		t.Errorf("prime time and mix written out: %d findings, want 2", n)
	}
}

// TestOptionsRangesAreGos: every range of the options is the range Go
// refuses outside of: its bounds are accepted, one step beyond each is
// refused (what TestFormLimitsAgreeWithGo checked of the old copy).
func TestOptionsRangesAreGos(t *testing.T) {
	st := storetest.Open(t)
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
	l := (&OptionsService{}).Options().Limits
	checks := map[string]struct {
		r     RangeDTO
		check func(v int) error
	}{
		"cadenceShares": {l.CadenceShares, func(v int) error { return cadence(func(c *content.Cadence) { c.SharesPerWeek = v }) }},
		"cadenceCap":    {l.CadenceCap, func(v int) error { return cadence(func(c *content.Cadence) { c.DailyCap = v }) }},
		"cadenceGap": {l.CadenceGap, func(v int) error {
			return cadence(func(c *content.Cadence) { c.MinGap = time.Duration(v) * time.Minute })
		}},
		"screeningOpen":  {l.ScreeningOpen, func(v int) error { return hours(v, map[bool]int{true: 24, false: 23}[v != 24]) }},
		"screeningClose": {l.ScreeningClose, func(v int) error { return hours(map[bool]int{true: 0, false: 1}[v != 0], v) }},
		"riskThreshold": {l.RiskThreshold, func(v int) error {
			_, err := risk.Set{Key: risk.SetBurst, Level: 2, Enabled: true, Threshold: v}.Validate()
			return err
		}},
		"backupKeep":   {l.BackupKeep, func(v int) error { return st.SetBackupKeep(ctx, v) }},
		"floodCount":   {l.FloodCount, func(v int) error { return rules(func(r *domain.RuleSet) { r.FloodCount = v }) }},
		"floodSeconds": {l.FloodSeconds, func(v int) error { return rules(func(r *domain.RuleSet) { r.FloodSeconds = v }) }},
		"strikeDays":   {l.StrikeDays, func(v int) error { return rules(func(r *domain.RuleSet) { r.StrikeDays = v }) }},
		"strikeLimit":  {l.StrikeLimit, func(v int) error { return rules(func(r *domain.RuleSet) { r.StrikeLimit = v }) }},
		"inactiveDays": {l.InactiveDays, func(v int) error { return rules(func(r *domain.RuleSet) { r.InactiveDays = v }) }},
		"shareQuota":   {l.ShareQuota, func(v int) error { return rules(func(r *domain.RuleSet) { r.ShareQuota = v }) }},
		"targetSize": {l.TargetSize, func(v int) error {
			_, err := domain.GroupInput{Name: "群", TargetSize: v}.Normalize()
			return err
		}},
		"points": {l.Points, func(v int) error {
			_, err := domain.PointGrant{GroupID: 1, MemberID: 1, Points: v, Reason: "分享"}.Validate()
			return err
		}},
		"liveEvery": {l.LiveEvery, func(v int) error {
			_, err := domain.LiveSource{GroupID: 1, Kind: domain.LiveFolder, Folder: "聊天记录", EverySeconds: v}.Validate()
			return err
		}},
		"replyMinutes": {l.ReplyMinutes, func(v int) error { return rules(func(r *domain.RuleSet) { r.ReplyMinutes = v }) }},
	}
	if n := reflect.TypeOf(l).NumField(); n != len(checks) {
		t.Errorf("LimitsDTO has %d ranges, %d are checked here; add a check", n, len(checks))
	}
	for name, c := range checks {
		for _, v := range []int{c.r.Min, c.r.Max} {
			if err := c.check(v); err != nil {
				t.Errorf("%s: %d is allowed in the window but Go refuses it: %v", name, v, err)
			}
		}
		for _, v := range []int{c.r.Min - 1, c.r.Max + 1} {
			if c.r.Off && v == 0 {
				continue
			}
			if err := c.check(v); domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("%s: %d is refused in the window but Go takes it (%v)", name, v, err)
			}
		}
		if c.r.Off {
			if err := c.check(0); err != nil {
				t.Errorf("%s: 0 turns the rule off in the window but Go refuses it: %v", name, err)
			}
		}
	}
}

// TestOptionsFixtureIsGos: the options the frontend's unit tests run with
// (src/testing/options.json) are what Options returns; regenerate with
// QUNZHU_WRITE_OPTIONS=1 go test ./app/ -run TestOptionsFixtureIsGos.
func TestOptionsFixtureIsGos(t *testing.T) {
	want, err := json.MarshalIndent((&OptionsService{}).Options(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	path := filepath.Join("..", "frontend", "src", "testing", "options.json")
	if os.Getenv("QUNZHU_WRITE_OPTIONS") != "" {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s is not what Options returns; regenerate it (QUNZHU_WRITE_OPTIONS=1)", path)
	}
}
