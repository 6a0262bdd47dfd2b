package ingest

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
)

// LinkStore is where a week's link figures are kept.
type LinkStore interface {
	SetWeekInput(ctx context.Context, in domain.WeekInput) (domain.WeekInput, error)
}

// Links reads a tracked-link CSV (url, clicks, reach) and sets the week's
// link clicks and reach to the file's totals, so link_click_rate is their
// ratio. Bad rows refuse the file unless Partial is set; the first
// MaxListedErrors are returned, and how many there were in all.
func Links(ctx context.Context, st LinkStore, groupID int64, week, path string, opt Options) (domain.WeekInput, []RowError, int, error) {
	f, _, err := openFile(path)
	if err != nil {
		return domain.WeekInput{}, nil, 0, err
	}
	defer f.Close()
	var bad rowErrors
	links, err := importer.ParseTrackedLinks(f, bad.add)
	if err != nil {
		return domain.WeekInput{}, bad.list, bad.total, namingFile(err, path)
	}
	if bad.total > 0 && !opt.Partial {
		return domain.WeekInput{}, bad.list, bad.total, errBadRows(baseName(path), bad.total)
	}
	clicks, reach := 0, 0
	for _, l := range links {
		clicks += l.Clicks
		reach += l.Reach
	}
	if reach == 0 {
		return domain.WeekInput{}, bad.list, bad.total, domain.Errorf(domain.EINVALID, "links.no_reach", map[string]any{"file": baseName(path)})
	}
	in, err := st.SetWeekInput(ctx, domain.WeekInput{GroupID: groupID, Week: week, LinkClicks: &clicks, LinkReach: &reach})
	return in, bad.list, bad.total, err
}
