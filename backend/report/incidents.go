package report

import (
	"strings"

	"qunzhu/backend/risk"
)

// incidentsLine writes a week's incidents in one line: opened, closed and
// overdue, then what was opened by type and by level.
func incidentsLine(s *risk.Summary, l Labels) string {
	if s == nil {
		return ""
	}
	if s.Opened == 0 && s.Closed == 0 && s.Overdue == 0 {
		return l.t("report.no_incidents")
	}
	line := msgT(l, "report.incidents_detail", map[string]any{"opened": s.Opened, "closed": s.Closed, "overdue": s.Overdue})
	if s.Opened == 0 {
		return line
	}
	var parts []string
	for _, c := range risk.Categories {
		if n := s.ByType[c]; n > 0 {
			parts = append(parts, msgT(l, "report.incidents_type", map[string]any{"type": l.t("risk.category." + string(c)), "n": n}))
		}
	}
	for lv := 3; lv >= 1; lv-- {
		if n := s.ByLevel[lv]; n > 0 {
			parts = append(parts, msgT(l, "report.incidents_level", map[string]any{"level": lv, "n": n}))
		}
	}
	return line + msgT(l, "report.incidents_breakdown", map[string]any{"list": strings.Join(parts, l.t("report.incidents_sep"))})
}

// openLines are the group's open incidents, one line each, highest level
// first as the store gives them, at most openShown; more is the count of
// the rest in words ("" when all are listed).
func openLines(s Section, l Labels) (lines []string, more string) {
	loc := s.Group.Location()
	for i, inc := range s.Open {
		if i == openShown {
			more = msgT(l, "report.open_more", map[string]any{"n": len(s.Open) - openShown})
			break
		}
		lines = append(lines, msgT(l, "report.open_line", map[string]any{"type": l.t("risk.category." + string(inc.Type)),
			"level": inc.Level, "due": inc.DueAt.In(loc).Format("1/2 15:04")}))
	}
	return lines, more
}
