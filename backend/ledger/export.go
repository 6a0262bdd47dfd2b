package ledger

import (
	"io"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/tabular"
)

// Export formats (tabular's).
const (
	FormatCSV  = tabular.FormatCSV
	FormatXLSX = tabular.FormatXLSX
)

// Table is the ledger as spreadsheet rows: a header in lang and one row per
// given ledger row. Cells are strings (neutralised) or ints. Notes are
// personal data kept sealed in the workspace and are never exported.
func Table(rows []Row, loc *time.Location, measurable bool, lang string) [][]any {
	t := func(k string) string { return msg.T(lang, k, nil) }
	out := [][]any{{t("ledger.col_name"), t("ledger.col_ids"), t("ledger.col_tier"), t("ledger.col_locked"), t("ledger.col_present"),
		t("ledger.col_joined"), t("ledger.col_left"), t("ledger.col_last"), t("ledger.col_msgs28"), t("ledger.col_checkins"),
		t("ledger.col_points"), t("ledger.col_strikes"), t("ledger.col_inactive"), t("ledger.col_tags")}}
	yes := func(b bool) string {
		if b {
			return t("ledger.yes")
		}
		return t("ledger.no")
	}
	when := func(v *time.Time, none string) string {
		if v == nil {
			return none
		}
		return v.In(loc).Format("2006-01-02 15:04")
	}
	for _, r := range rows {
		m := r.Member
		inactive := t("ledger.not_measured")
		if measurable && r.Inactive != nil {
			inactive = yes(*r.Inactive)
		}
		line := []any{r.Name, strings.Join(ids(m), " / "), t("tier." + string(m.Tier)), yes(m.TierLocked), yes(r.Present),
			when(m.JoinedAt, ""), when(m.LeftAt, ""), when(r.LastMessageAt, t("ledger.never_spoke")), r.Messages28d, r.CheckinDays,
			r.Points, r.Strikes, inactive, strings.Join(m.Tags, "、")}
		for i, c := range line {
			if s, ok := c.(string); ok {
				line[i] = tabular.Neutralize(s)
			}
		}
		out = append(out, line)
	}
	return out
}

// ids are a member's 微信号 and wxid, without repeats.
func ids(m domain.Member) []string {
	return domain.CleanList([]string{m.WeChatID, m.WxID})
}

// Write writes the table as format (FormatCSV: UTF-8 with a byte-order mark
// so Excel reads Chinese correctly; FormatXLSX: one sheet named in lang).
func Write(w io.Writer, format string, table [][]any, lang string) error {
	ok, err := tabular.Write(w, format, table, msg.T(lang, "ledger.sheet", nil), tabular.ColWidth{From: "A", To: "B", Width: 18}, tabular.ColWidth{From: "F", To: "H", Width: 17})
	if !ok {
		return domain.Errorf(domain.EINVALID, "ledger.bad_format", map[string]any{"value": format})
	}
	return err
}
