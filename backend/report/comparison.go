package report

import (
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// Comparison is a group's industry comparison as the report shows it: the
// rows of `compare` (healthsvc.Comparison.Contract, keyed by the command
// contract's names), beside the group's benchmark profile and the mean of
// the operator's other groups.
type Comparison struct {
	Profile     domain.Profile
	OtherGroups int
	Rows        []metrics.ComparisonRow
}

// comparisonView is the section's comparison table; every text is plain
// and escaped by html/template, like the group's name.
type comparisonView struct {
	Title, Hint                                 string
	ColFigure, ColThis, ColReference, ColOthers string
	Rows                                        []comparisonRowView
}

type comparisonRowView struct {
	Key, Name, Value, Reference, Others string
}

// buildComparison is the section's comparison; nil when there is none.
func buildComparison(c *Comparison, l Labels) *comparisonView {
	if c == nil {
		return nil
	}
	t := func(k string, a map[string]any) string { return msgT(l, k, a) }
	v := &comparisonView{Title: t("report.comparison_title", nil), Hint: t("report.comparison_hint", nil),
		ColFigure: t("cli.col_figure", nil), ColThis: t("cli.col_this_group", nil),
		ColReference: t("cli.col_reference", nil) + " · " + t("profile."+string(c.Profile), nil),
		ColOthers:    t("cli.col_others_mean", nil)}
	for _, r := range c.Rows {
		v.Rows = append(v.Rows, comparisonRowView{Key: r.Key, Name: t("compare."+r.Key, nil), Value: metrics.FormatComparison(r.Key, r.Value),
			Reference: metrics.FormatReference(r.Key, r.Reference), Others: metrics.FormatComparison(r.Key, r.Others)})
	}
	return v
}
