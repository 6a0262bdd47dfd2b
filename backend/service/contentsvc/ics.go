package contentsvc

import (
	"bytes"
	"context"
	"fmt"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// ICS renders items of group g as an iCalendar file (UTC times), each
// event titled "[group] title", described by its body and its reasons in
// lang. `plan --ics` and the window's export write the same file.
func (s *Service) ICS(lang string, g domain.Group, items []content.Item) ([]byte, error) {
	evs := make([]content.Event, 0, len(items))
	for _, it := range items {
		desc := Reasons(lang, it.Reasons)
		if it.Body != "" {
			desc = it.Body + "\n\n" + desc
		}
		evs = append(evs, content.Event{UID: fmt.Sprintf("content-%d-group-%d@qunzhu", it.ID, g.ID), Start: it.ScheduledAt,
			Duration: content.Length(it.Format), Summary: "[" + g.Name + "] " + Title(lang, it), Description: desc})
	}
	var buf bytes.Buffer
	if err := content.WriteICS(&buf, evs, s.clock.Now()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WeekICS is the week's saved items as an iCalendar file (nothing is drafted).
func (s *Service) WeekICS(ctx context.Context, groupID int64, week, lang string) ([]byte, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return nil, err
	}
	items, err := s.st.ContentItems(ctx, sum.ID, w.Start, w.End)
	if err != nil {
		return nil, err
	}
	return s.ICS(lang, sum.Group, items)
}
