package importsvc

import (
	"context"
	"encoding/csv"
	"os"
	"strconv"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/tabular"
)

// Batch is one line of the import history.
type Batch struct {
	domain.ImportBatch
	Group domain.Group
	// Undoable: the group's latest batch, the only one that can be undone.
	Undoable bool
}

// History lists group groupID's imports and member merges, newest first;
// every group's, group by group, when groupID is 0.
func (s *Service) History(ctx context.Context, groupID int64) ([]Batch, error) {
	var groups []domain.Group
	if groupID != 0 {
		g, err := s.st.Group(ctx, groupID)
		if err != nil {
			return nil, err
		}
		groups = append(groups, g)
	} else {
		all, err := s.st.Groups(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range all {
			groups = append(groups, g.Group)
		}
	}
	out := []Batch{}
	for _, g := range groups {
		batches, err := s.st.Batches(ctx, g.ID)
		if err != nil {
			return nil, err
		}
		for i, b := range batches {
			out = append(out, Batch{ImportBatch: b, Group: g, Undoable: i == 0})
		}
	}
	return out, nil
}

// Undo removes a batch: an import (its messages and the member changes it
// made) or a member merge. Only a group's latest batch can be undone.
func (s *Service) Undo(ctx context.Context, batchID int64) error {
	return s.st.UndoBatch(ctx, batchID)
}

// RowError is one bad row as the operator read it: its line and reason.
type RowError struct {
	Line   int
	Reason string
}

// WriteErrors writes the bad rows of an import to path as CSV (line,
// reason; the header in lang) with a BOM so Excel reads UTF-8, and cells
// that a spreadsheet would run as formulas neutralised, so the operator
// can fix the file in Excel.
func WriteErrors(path, lang string, rows []RowError) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := f.WriteString("\ufeff"); err != nil {
		return err
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{msg.T(lang, "app.col_line", nil), msg.T(lang, "app.col_reason", nil)})
	for _, r := range rows {
		_ = w.Write([]string{strconv.Itoa(r.Line), tabular.Neutralize(r.Reason)})
	}
	w.Flush()
	return w.Error()
}
