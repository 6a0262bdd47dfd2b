package membersvc

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/msg"
)

// ExportInput names a ledger export: the group and week, the format (csv or
// xlsx), the members in the order to write them (none: all), the file to
// write and the language of the headings.
type ExportInput struct {
	GroupID   int64
	Week      string
	Format    string
	MemberIDs []int64
	Path      string
	Lang      string
}

// ExportName checks the format and proposes the export's file name
// (群名-成员台账-2024-W10.xlsx), for the save dialog.
func (s *Service) ExportName(ctx context.Context, groupID int64, week, format, lang string) (string, error) {
	if err := checkFormat(format); err != nil {
		return "", err
	}
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return "", err
	}
	w, err := s.Week(sum, week)
	if err != nil {
		return "", err
	}
	return sum.Name + "-" + msg.T(lang, "ledger.sheet", nil) + "-" + w.String() + "." + format, nil
}

func checkFormat(format string) error {
	if format != ledger.FormatCSV && format != ledger.FormatXLSX {
		return domain.Errorf(domain.EINVALID, "ledger.bad_format", map[string]any{"value": format})
	}
	return nil
}

// Export writes the ledger rows to in.Path. The file is written next to
// its final name and renamed, so a failed export never leaves half a
// spreadsheet under the chosen name.
func (s *Service) Export(ctx context.Context, in ExportInput) error {
	if err := checkFormat(in.Format); err != nil {
		return err
	}
	l, _, err := s.load(ctx, in.GroupID, in.Week)
	if err != nil {
		return err
	}
	rows := l.Rows
	if len(in.MemberIDs) > 0 {
		rows = rows[:0:0]
		for _, id := range in.MemberIDs {
			if r, ok := l.Row(id); ok {
				rows = append(rows, r)
			}
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(in.Path), ".qunzhu-export-*")
	if err != nil {
		return err
	}
	werr := ledger.Write(tmp, in.Format, ledger.Table(rows, l.Group.Location(), l.InactiveMeasurable, in.Lang), in.Lang)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), in.Path)
}
