package ingest

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/screening"
)

// MaxCandidates bounds a candidate list: screening is read whole into
// memory and shown in one table.
const MaxCandidates = 20000

// CandidateList is a candidate list read for screening, never stored.
type CandidateList struct {
	File   importer.MemberFile
	Name   string
	People []screening.Candidate
	Errors []RowError // the first MaxListedErrors unreadable rows
	// ErrorCount is every unreadable row, listed or not.
	ErrorCount int
}

// Candidates reads a candidate list — any file a member list may be
// (.csv in any of its encodings, .xlsx; the same header names) — for
// screening against a group's criteria. Nothing is written anywhere: the
// people are not members of the group (yet).
func Candidates(ctx context.Context, path string, loc *time.Location) (CandidateList, error) {
	f, _, err := openFile(path)
	if err != nil {
		return CandidateList{}, err
	}
	defer f.Close()
	l := CandidateList{Name: baseName(path)}
	var bad rowErrors
	l.File, err = importer.ParseMembers(f, path, importer.MemberOptions{
		Location: loc,
		OnRecord: func(rec importer.MemberRecord) error {
			if len(l.People) >= MaxCandidates {
				return errTooManyCandidates(path)
			}
			l.People = append(l.People, screening.Candidate{Line: rec.Line, Member: rec.Member})
			return ctx.Err()
		},
		OnBad: bad.add,
	})
	l.Errors, l.ErrorCount = bad.list, bad.total
	return l, namingFile(err, path)
}

func errTooManyCandidates(path string) error {
	return domain.Errorf(domain.EINVALID, "screening.too_many", map[string]any{"file": path, "max": MaxCandidates})
}
