package ingest

import (
	"context"
	"os"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/store"
)

// Members imports a member list into group groupID. Re-importing an updated
// list updates members in place; with Roster, members missing from the file
// are marked as left at the file's modification time.
//
// The summary accounts for every data row of the file (METRICS.md
// "Member-list rows"; a fully blank line is no data row): a row that created
// a member is imported, one that changed a member updated, one that changed
// nothing (an unchanged re-import, a repeat of an earlier row with the same
// id) a skipped duplicate, so imported + updated + skipped_duplicates = rows.
// An unreadable row is an error: the file is then refused whole, unless
// Partial, when imported + updated + skipped_duplicates + len(errors) = rows.
// Members the Roster option marks as departed are no rows and are not counted.
func Members(ctx context.Context, st Store, groupID int64, path string, opt Options) (Summary, error) {
	g, f, size, err := open(ctx, st, groupID, path)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	if err := refuseChatAsMembers(f, path); err != nil {
		return Summary{File: baseName(path)}, err
	}
	members, err := st.Members(ctx, groupID)
	if err != nil {
		return Summary{}, err
	}
	roster := domain.NewRoster(members)
	kept := map[int]bool{}
	var counts store.RowCounts
	var bad rowErrors
	file, err := importer.ParseMembers(f, path, importer.MemberOptions{
		Location: g.Location(),
		Mapping:  opt.Mapping,
		OnRecord: func(rec importer.MemberRecord) error {
			i, outcome := roster.Listed(rec.Member)
			kept[i] = true
			switch outcome {
			case domain.ListedCreated:
				counts.Imported++
			case domain.ListedUpdated:
				counts.Updated++
			default:
				counts.SkippedDuplicates++
			}
			return ctx.Err()
		},
		OnBad: bad.add,
	})
	err = namingFile(err, path)
	if opt.Progress != nil {
		opt.Progress(size, size) // member lists are small: one report once read
	}
	batch := domain.ImportBatch{GroupID: groupID, Kind: domain.BatchMembers, Format: file.Format, File: baseName(path),
		Encoding: file.Encoding, Rows: file.Rows}
	if err != nil {
		return summarize(batch, bad), err
	}
	if file.Rows == bad.total {
		return summarize(batch, bad), errNothingRead(batch.File, bad.total, "members.no_members")
	}
	if bad.total > 0 && !opt.Partial {
		return summarize(batch, bad), errBadRows(batch.File, bad.total)
	}
	if opt.Roster {
		at := opt.clock().Now()
		if fi, err := os.Stat(path); err == nil {
			at = fi.ModTime()
		}
		roster.Departed(kept, at)
	}
	saved, err := st.ApplyImport(ctx, store.ImportSet{Batch: batch, Members: roster.Members, Changed: roster.Changed(), RowCounts: &counts})
	if err != nil {
		return Summary{}, err
	}
	return summarize(saved, bad), nil
}
