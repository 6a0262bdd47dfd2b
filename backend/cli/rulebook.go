package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/rulesvc"
	"qunzhu/backend/store"
)

// The rule book's commands (docs/cli.md "Parity commands") register themselves, so
// the command table stays one line per area.
func init() {
	commands = append(commands,
		command{words: []string{"rules"}, flags: []string{"group"}, store: true, do: (*run).rules},
		command{words: []string{"rules", "set"}, flags: append([]string{"group"}, ruleFlags...), store: true, do: (*run).rulesSet},
		command{words: []string{"rules", "text"}, flags: []string{"group"}, store: true, do: (*run).rulesText},
		command{words: []string{"violation", "dismiss"}, flags: []string{"id"}, store: true, do: violationDecide(domain.ReviewDismissed)},
		command{words: []string{"violation", "warn"}, flags: []string{"id"}, store: true, do: violationDecide(domain.ReviewWarned)},
		command{words: []string{"violation", "remove"}, flags: []string{"id"}, store: true, do: violationDecide(domain.ReviewRemoved)},
	)
}

// ruleFlags are the flags of `rules set`, one per field of the rule book.
var ruleFlags = []string{"ad-words", "attack-words", "whitelist", "flood-count", "flood-seconds", "strike-days", "strike-limit", "inactive-days", "share-quota", "reply-minutes"}

// rulesJSON is `rules --json`: the group, whether it edited its rules, and
// the rules in force (domain.RuleSet's keys).
type rulesJSON struct {
	Group  string `json:"group"`
	Custom bool   `json:"custom"`
	domain.RuleSet
}

func (r *run) rules(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	b, err := rulesvc.New(st, r.Clock).Book(ctx, g.ID)
	if err != nil {
		return err
	}
	return r.printRules(g, b)
}

// rulesSet changes only the fields whose flags are given; a value out of
// range is refused with the limits, never clamped.
func (r *run) rulesSet(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	c, err := r.ruleChange()
	if err != nil {
		return err
	}
	svc := rulesvc.New(st, r.Clock)
	if _, err := svc.Change(ctx, g.ID, c); err != nil {
		return err
	}
	b, err := svc.Book(ctx, g.ID)
	if err != nil {
		return err
	}
	if !r.inv.json {
		r.say("rules.saved", map[string]any{"group": g.Name})
	}
	return r.printRules(g, b)
}

// ruleChange reads the flags of `rules set`: lists comma-separated (an
// empty value empties the list), numbers whole.
func (r *run) ruleChange() (rulesvc.Change, error) {
	var c rulesvc.Change
	lists := map[string]**[]string{"ad-words": &c.AdWords, "attack-words": &c.AttackWords, "whitelist": &c.Whitelist}
	ints := map[string]**int{"flood-count": &c.FloodCount, "flood-seconds": &c.FloodSeconds, "strike-days": &c.StrikeDays,
		"strike-limit": &c.StrikeLimit, "inactive-days": &c.InactiveDays, "share-quota": &c.ShareQuota,
		"reply-minutes": &c.ReplyMinutes}
	for name, dst := range lists {
		if v, ok := r.inv.flags[name]; ok {
			l := splitList(v)
			*dst = &l
		}
	}
	for name, dst := range ints {
		if v, ok := r.inv.flags[name]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return c, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + name, "value": v}}
			}
			*dst = &n
		}
	}
	if c == (rulesvc.Change{}) {
		return c, &usageError{"rules.nothing_to_set", nil}
	}
	return c, nil
}

// splitList splits a comma-separated flag value (ASCII or Chinese commas).
func splitList(v string) []string {
	out := []string{}
	for _, w := range strings.FieldsFunc(v, func(c rune) bool { return c == ',' || c == '，' || c == '、' }) {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func (r *run) printRules(g domain.Group, b rulesvc.Book) error {
	if r.inv.json {
		return r.printJSON(rulesJSON{Group: g.Name, Custom: b.Custom, RuleSet: b.Rules})
	}
	list := func(l []string) string {
		if len(l) == 0 {
			return r.t("rules.none")
		}
		return strings.Join(l, r.t("rules.text.sep"))
	}
	source := r.t("rules.default")
	if b.Custom {
		source = r.t("rules.custom")
	}
	x := b.Rules
	rows := [][]string{{r.t("rules.field.custom"), source}}
	for _, f := range []struct{ key, value string }{
		{"ad_words", list(x.AdWords)}, {"attack_words", list(x.AttackWords)}, {"whitelist", list(x.Whitelist)},
		{"flood_count", strconv.Itoa(x.FloodCount)}, {"flood_seconds", strconv.Itoa(x.FloodSeconds)},
		{"strike_days", strconv.Itoa(x.StrikeDays)}, {"strike_limit", strconv.Itoa(x.StrikeLimit)},
		{"inactive_days", strconv.Itoa(x.InactiveDays)}, {"share_quota", strconv.Itoa(x.ShareQuota)},
		{"reply_minutes", strconv.Itoa(x.Reply())},
	} {
		rows = append(rows, []string{r.t("rules.field." + f.key), f.value})
	}
	return writeTable(r.Stdout, rows)
}

// rulesText prints the 群规 written from the group's rules in the user's
// language, to paste into the group notice.
func (r *run) rulesText(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	text, err := rulesvc.New(st, r.Clock).Text(ctx, g.ID, r.lang)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"group": g.Name, "text": text})
	}
	_, err = r.Stdout.Write([]byte(text + "\n"))
	return err
}

// violationDecide is `violation dismiss|warn|remove --id N`: the window's
// three buttons on one violation of `violations --json`.
func violationDecide(decision string) func(*run, context.Context, *store.Store) error {
	return func(r *run, ctx context.Context, st *store.Store) error {
		id, err := r.idFlag()
		if err != nil {
			return err
		}
		d, err := rulesvc.New(st, r.Clock).DecideByID(ctx, id, decision)
		if err != nil {
			return err
		}
		at := d.Violation.At.Format(time.RFC3339)
		if r.inv.json {
			return r.printJSON(map[string]any{"id": id, "group": d.Group.Name, "rule": d.Violation.Rule,
				"name": d.Violation.Name, "at": at, "decision": decision})
		}
		r.say("violation.decided", map[string]any{"id": id, "member": d.Violation.Name, "rule": r.t("rule." + d.Violation.Rule),
			"at": d.Violation.At.Format("01-02 15:04"), "decision": r.t("violation.decision." + decision)})
		return nil
	}
}
