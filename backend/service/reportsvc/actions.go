package reportsvc

import (
	"time"

	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/report"
	"qunzhu/backend/service/healthsvc"
)

// Actions are a group's "three things to do" this week: the Health tab's
// own list (healthsvc.TodosOf: open incidents, overdue first, then the
// failed checks, then the removal list), in the report's words. A silent
// week with nothing else due says to start a topic, as the Health tab's
// calm line does.
func Actions(s report.Section, lang string, now time.Time) []report.Action {
	t := func(k string, a map[string]any) string { return msg.T(lang, k, a) }
	f := healthsvc.TodoFacts{GroupID: s.Group.ID, Removal: len(s.Week.InactiveMembers), Silent: s.Week.Silent()}
	checks := map[string]metrics.Check{}
	for _, c := range s.Week.Checks {
		if c.Applicable && c.Passed != nil && !*c.Passed {
			f.Failed = append(f.Failed, c.Name)
			checks[c.Name] = c
		}
	}
	out := []report.Action{}
	for _, td := range healthsvc.TodosOf(f, s.Open, now) {
		switch td.Kind {
		case healthsvc.TodoIncident:
			out = append(out, report.Action{
				Title:  t("report.action.incident", map[string]any{"type": t("risk.category."+string(td.IncidentType), nil)}),
				Reason: t("report.action.incident_why", map[string]any{"level": td.Level, "due": td.DueAt.In(s.Group.Location()).Format("1/2 15:04")}),
			})
		case healthsvc.TodoCheck:
			c := checks[td.Check]
			out = append(out, report.Action{
				Title: t("report.action.check", map[string]any{"advice": metrics.Advice(c.Name, msg.Normalize(lang))}),
				Reason: t("report.action.check_why", map[string]any{"check": t("metric."+c.Name, nil),
					"value": report.Figure(c.Name, c.Value, lang), "need": report.Need(c.Name, c.Threshold, lang)}),
			})
		case healthsvc.TodoRemoval:
			out = append(out, report.Action{
				Title:  t("report.action.removal", map[string]any{"n": td.Count}),
				Reason: t("report.action.removal_why", nil),
			})
		}
	}
	if len(out) == 0 && s.Week.Silent() {
		out = append(out, report.Action{Title: t("report.action.silent", nil), Reason: t("report.action.silent_why", nil)})
	}
	return out
}
