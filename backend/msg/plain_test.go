package msg

import (
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Plain Chinese in the window (issue 20, docs/ux.md "Plain words"): a zh text that
// can reach the window — an error, a label, a chart title — has no developer
// words: no command-line flag, field key, JSON, time-zone id or English role
// name. The allowed Latin words are the frontend's list
// (frontend/src/plain/allowlist.json), the one allowlist for both sides.

// cliOnly lists the zh texts only the command line produces (its usage, its
// flag errors, its printouts), and why; they may name flags and commands.
// Every other text must read well in the window.
var cliOnly = map[string]string{
	"app.listener_public":        "refusal of the -devserver flag, before any window exists",
	"audit.bad_range":            "the audit command's --since/--until",
	"audit.source.process":       "where the CLI's operator name came from (--operator)",
	"audit.source.setting":       "the CLI's audit printout names the setting",
	"automation.bad_source":      "the highlights command's --source",
	"automation.no_highlights":   "the highlights command's printout",
	"backup.server":              "team-mode backup advice for the server admin (pg_dump)",
	"restore.server":             "team-mode restore advice for the server admin (pg_restore)",
	"chat.format_invalid":        "the import command's --format values",
	"content.bad_clock":          "the cadence command's time flags; the window uses a time picker",
	"content.bad_format":         "the plan command's --format values",
	"content.bad_status":         "the plan command's --status values",
	"content.bad_type":           "the plan command's --type values",
	"group.profile_invalid":      "the group command's --profile values",
	"group.type_invalid":         "the group command's --type values",
	"group.tz_invalid":           "the group command's --tz; the window offers a list of zones",
	"import.bad_kind":            "the import command's kind argument",
	"import.group_missing":       "the import command's --group",
	"input.clicks_need_reach":    "the input command's --link-clicks/--link-reach",
	"ledger.bad_format":          "the members export command's --format",
	"library.empty":              "the library command's printout",
	"member.bad_tier":            "the tier command's --tier values",
	"member.ref_missing":         "the member commands' --member",
	"metrics.bad_week":           "the --week flag's ISO week",
	"migrate.same":               "the migrate command's --from/--to",
	"operator.bad_role":          "the operator command's --role values; the window offers a list",
	"operator.login_server_only": "the operator command's --login/--password-file",
	"operator.needs_createrole":  "advice for the database admin, in SQL",
	"points.bad_flag":            "the points command's --points",
	"risk.past_listed":           "the risk command's printout",
	"risk.playbook_hint_backup":  "the playbook command's --backup",
	"risk.playbook_hint_event":   "the playbook command's --incident/--event",
	"risk.type_invalid":          "the incident command's --type values",
	"rules.nothing_to_set":       "the rules command's flags",
	"violation.bad_decision":     "the violation command's --decision values",
	"violation.not_found":        "the violations command's --json ids",
}

// verbatim lists window texts that show an example of what the operator types, and why.
var verbatim = map[string]string{
	"rules.bad_host": "an example domain (qq.com) of what to type in the link whitelist",
}

type allowlist struct {
	Window map[string]string `json:"window"`
}

var (
	extensions = regexp.MustCompile(`\.(csv|xlsx|xls|json|jsonl|txt|ics|db|key|pdf|html)\b`)
	versions   = regexp.MustCompile(`\b\d+\.x\b`)
	rawKeys    = regexp.MustCompile(`\{\s*"[^"]*"\s*:|--[a-z][\w-]*|\b[a-z]+(?:\.[a-zA-Z_]\w*)+\b|\b[a-z]+_[a-z_]+\b`)
	flags      = regexp.MustCompile(`--[a-z][\w-]*`)
	latin      = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*`)
	holes      = regexp.MustCompile(`\{\s*[\w.]+\s*\}`)
)

// offenders is frontend/src/plain/words.ts's plainOffenders, for Go's texts.
func offenders(text string, allowed map[string]string) []string {
	s := holes.ReplaceAllString(text, " ")
	s = extensions.ReplaceAllString(s, " ")
	s = versions.ReplaceAllString(s, " ")
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if _, ok := allowed[w]; !ok && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, m := range rawKeys.FindAllString(s, -1) {
		add(m)
	}
	s = flags.ReplaceAllString(s, " ")
	for _, m := range latin.FindAllString(s, -1) {
		add(m)
	}
	return out
}

func TestWindowTextsArePlainChinese(t *testing.T) {
	raw, err := os.ReadFile("../../frontend/src/plain/allowlist.json")
	if err != nil {
		t.Fatal(err)
	}
	var list allowlist
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	keys := Keys(ZH)
	sort.Strings(keys)
	var bad []string
	for _, k := range keys {
		if strings.HasPrefix(k, "cli.") || cliOnly[k] != "" || verbatim[k] != "" {
			continue
		}
		if words := offenders(T(ZH, k, nil), list.Window); len(words) > 0 {
			bad = append(bad, k+": "+strings.Join(words, " "))
		}
	}
	if len(bad) > 0 {
		t.Errorf("%d zh texts that can reach the window show developer words (reword them, or give the CLI its own key):\n%s", len(bad), strings.Join(bad, "\n"))
	}
	for k := range cliOnly {
		if T(ZH, k, nil) == k {
			t.Errorf("cliOnly names %s, which is not in the catalogue", k)
		}
	}
}

func TestPlainWordCheck(t *testing.T) {
	allowed := map[string]string{"CSV": "", "UTC": ""}
	for text, want := range map[string]string{
		"或加 --partial 只导入可读的行":        "--partial",
		"群主（owner）":                   "owner",
		"时区 Asia/Shanghai":            "Asia Shanghai",
		"导出 CSV，北京时间 UTC+8，以 .csv 结尾": "",
		"字段 keyword_replies":          "keyword_replies",
	} {
		if got := strings.Join(offenders(text, allowed), " "); got != want {
			t.Errorf("offenders(%q) = %q, want %q", text, got, want)
		}
	}
}
