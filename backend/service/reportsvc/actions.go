package reportsvc

import (
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/report"
)

// maxActions is how many things to do a group's page lists.
const maxActions = 3

// Actions are a group's "three things to do" this week, most pressing
// first: its open incidents of level 2 or 3 (as one item), then a silent
// week, then each failed check with its advice.
//
// The health page is getting the same list (healthsvc); until it is on
// main this is the report's own, built from the same inputs, so the lead
// can make the two one function.
func Actions(s report.Section, lang string) []report.Action {
	t := func(k string, a map[string]any) string { return msg.T(lang, k, a) }
	var out []report.Action
	if s.Urgent.Count > 0 {
		out = append(out, report.Action{
			Title:  t("report.action.incidents", map[string]any{"n": s.Urgent.Count}),
			Reason: t("report.action.incidents_why", map[string]any{"level": s.Urgent.Level, "type": t("risk.category."+string(s.Urgent.Type), nil)}),
		})
	}
	if s.Week.Silent() {
		out = append(out, report.Action{Title: t("report.action.silent", nil), Reason: t("report.action.silent_why", nil)})
	}
	for _, c := range s.Week.Checks {
		if !c.Applicable || *c.Passed {
			continue
		}
		out = append(out, report.Action{
			Title: t("report.action.check", map[string]any{"advice": metrics.Advice(c.Name, msg.Normalize(lang))}),
			Reason: t("report.action.check_why", map[string]any{"check": t("metric."+c.Name, nil),
				"value": report.Figure(c.Name, c.Value, lang), "need": report.Need(c.Name, c.Threshold, lang)}),
		})
	}
	if len(out) < maxActions && s.Urgent.Count == 0 && len(s.Open) > 0 {
		// lower-level incidents still open come after the checks
		lv := s.Open[0]
		out = append(out, report.Action{
			Title:  t("report.action.incidents", map[string]any{"n": len(s.Open)}),
			Reason: t("report.action.incidents_why", map[string]any{"level": lv.Level, "type": t("risk.category."+string(lv.Type), nil)}),
		})
	}
	if len(out) > maxActions {
		out = out[:maxActions]
	}
	return out
}
