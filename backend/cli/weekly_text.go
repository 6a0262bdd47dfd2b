package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/metrics"

	"qunzhu/backend/msg"
)

// weeklyOrder is the order indicators are printed in, as docs/metrics.md lists them.
var weeklyOrder = []string{"messages", "messages_per_day", "active_members", "members_start", "members_end", "active_rate",
	"new_members", "left_members", "churn_rate", "next_day_retention", "questions", "answered", "unanswered",
	"response_median_minutes", "response_p90_minutes", "link_posts", "link_click_rate", "mute_rate", "checkins",
	"theme_shares", "prime_time_ratio", "inactive_members"}

// printWeekly prints the week's figures as a two-column list and the checks
// with their advice. It reads the JSON form so text and --json can never
// disagree.
func (r *run) printWeekly(out metricsJSON) error {
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	t := func(k string, a map[string]any) string { return msg.T(r.lang, k, a) }
	// The window is [start, end); people read a week as Monday to Sunday.
	last := out.w.End.Add(-time.Second)
	fmt.Fprintln(r.Stdout, t("cli.metrics_title", map[string]any{"group": out.Group, "week": out.Week,
		"start": out.w.Start.Format("2006-01-02"), "end": last.Format("2006-01-02")}))
	rows := [][]string{}
	for _, k := range weeklyOrder {
		rows = append(rows, []string{t("metric."+k, nil), r.formatFigure(k, m[k])})
	}
	if v, ok := m["violations"].(map[string]any); ok {
		rows = append(rows, []string{t("metric.violations", nil), fmt.Sprintf("%s %v · %s %v · %s %v",
			t("rule.ads", nil), v["ads"], t("rule.flood", nil), v["flood"], t("rule.attack", nil), v["attack"])})
	}
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	fmt.Fprintln(r.Stdout)
	checks, _ := m["checks"].([]any)
	crow := [][]string{}
	for _, c := range checks {
		c, _ := c.(map[string]any)
		name, _ := c["name"].(string)
		state := t("check.not_applicable", nil)
		if c["applicable"] == true {
			state = t("check.passed", nil)
			if c["passed"] == false {
				state = t("check.failed", nil) + " → " + metrics.Advice(name, r.lang)
			}
		}
		crow = append(crow, []string{t("metric."+name, nil), fmt.Sprint(c["threshold"]), r.formatFigure(name, c["value"]), state})
	}
	if err := writeTable(r.Stdout, crow); err != nil {
		return err
	}
	fmt.Fprintln(r.Stdout, "\n"+t("cli.health_score", map[string]any{"score": scoreText(out.Weekly, t)}))
	return nil
}

// scoreText is the score with what it rests on ("50（基于 2/5 项）"); a
// silent week is named, never scored.
func scoreText(w metrics.Weekly, t func(string, map[string]any) string) string {
	switch {
	case w.Silent():
		return t("score.silent", nil) + " · " + t("score.silent_note", nil)
	case w.HealthScore == nil:
		return t("metric.not_measured", nil)
	}
	return t("score.with_basis", map[string]any{"score": *w.HealthScore, "n": w.ChecksApplicable, "total": metrics.ChecksTotal})
}

// formatFigure writes a figure the way an operator reads it: ratios as
// percentages, minutes to 0.1, lists as names, null as "not measured".
func (r *run) formatFigure(key string, v any) string {
	switch x := v.(type) {
	case nil:
		return msg.T(r.lang, "metric.not_measured", nil)
	case float64:
		switch {
		case strings.HasSuffix(key, "_rate") || strings.HasSuffix(key, "_ratio") || key == "next_day_retention":
			return strconv.FormatFloat(x*100, 'f', 1, 64) + "%"
		case strings.HasSuffix(key, "_minutes"):
			return strconv.FormatFloat(x, 'f', 1, 64) + " " + msg.T(r.lang, "unit.minutes", nil)
		case key == "messages_per_day":
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		names := make([]string, len(x))
		for i, n := range x {
			names[i] = fmt.Sprint(n)
		}
		return strconv.Itoa(len(x)) + ": " + strings.Join(names, "、")
	}
	return fmt.Sprint(v)
}
