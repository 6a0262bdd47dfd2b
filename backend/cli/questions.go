package cli

import (
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/store"
)

func init() {
	commands = append(commands,
		command{words: []string{"questions"}, flags: []string{"group", "week", "late"}, store: true, do: (*run).questions})
}

// questionJSON is one line of `questions --json` (docs/cli.md).
type questionJSON struct {
	Name         string   `json:"name"`
	At           string   `json:"at"`
	Text         string   `json:"text"`
	AnsweredAt   *string  `json:"answered_at"`
	AnsweredBy   *string  `json:"answered_by"`
	DelayMinutes *float64 `json:"delay_minutes"`
	Late         bool     `json:"late"`
}

// questions lists the week's questions with their first staff answer: the
// same service call as the window's lists (healthsvc.Service.Questions).
func (r *run) questions(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	onlyLate := r.inv.flags["late"] == "true"
	qs, err := healthsvc.New(st, r.Clock).Questions(ctx, healthsvc.QuestionsInput{GroupID: g.ID, Week: w.String(), Late: onlyLate})
	if err != nil {
		return err
	}
	loc := g.Location()
	out := []questionJSON{}
	for _, q := range qs.List {
		j := questionJSON{Name: q.Name, At: q.At.In(loc).Format(time.RFC3339), Text: q.Text, Late: q.Late}
		if q.AnsweredAt != nil {
			at, by, mins := q.AnsweredAt.In(loc).Format(time.RFC3339), q.AnsweredBy, metrics.Minutes(*q.DelaySeconds)
			j.AnsweredAt, j.AnsweredBy, j.DelayMinutes = &at, &by, &mins
		}
		out = append(out, j)
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		key := "cli.no_questions"
		if onlyLate {
			key = "cli.no_late_questions"
		}
		r.say(key, map[string]any{"week": w.String(), "limit": qs.LimitMinutes})
		return nil
	}
	rows := [][]string{{r.t("cli.col_member"), r.t("cli.col_time"), r.t("cli.col_question"), r.t("cli.col_answered_by"), r.t("cli.col_delay")}}
	for _, q := range out {
		at, _ := time.Parse(time.RFC3339, q.At)
		by, delay := "—", r.t("cli.unanswered")
		if q.AnsweredBy != nil {
			by, delay = *q.AnsweredBy, strconv.FormatFloat(*q.DelayMinutes, 'f', 1, 64)
			if q.Late {
				delay += " " + r.t("cli.late_mark")
			}
		}
		rows = append(rows, []string{q.Name, at.Format("01-02 15:04"), domain.Excerpt(q.Text, 40), by, delay})
	}
	return writeTable(r.Stdout, rows)
}
