package ingest

import (
	"context"
	"os"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
)

// Members imports a member list into group groupID. Re-importing an updated
// list updates members in place; with Roster, members missing from the file
// are marked as left at the file's modification time.
//
// The summary accounts for every data row of the file (docs/metrics.md
// "Member-list rows"; a fully blank line is no data row): a row that created
// a member is imported, one that changed a member updated, one that changed
// nothing (an unchanged re-import, a repeat of an earlier row with the same
// id) a skipped duplicate, so imported + updated + skipped_duplicates = rows.
// An unreadable row is an error: the file is then refused whole, unless
// Partial, when imported + updated + skipped_duplicates + len(errors) = rows.
// Members the Roster option marks as departed are no rows and are not counted.
//
// The file is read whole first (member lists are small), so a refused file
// touches nothing and the group's import lock is held only while the rows
// are applied: then the members are read inside the import's transaction,
// under that lock, so two lists imported into one group at once see each
// other's people instead of both creating them, and the store writes back
// only what the rows changed (ImportTx.Members, domain.Rebase).
func Members(ctx context.Context, st Store, groupID int64, path string, opt Options) (Summary, error) {
	g, f, size, err := open(ctx, st, groupID, path)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	if err := refuseChatAsMembers(f, path); err != nil {
		return Summary{File: baseName(path)}, err
	}
	// Room for the rows the file's size suggests (a member-list row takes
	// at least 64 bytes), up to the most a list may hold: growing a slice
	// of 100,000 members by doubling moves it over and over.
	rows := make([]domain.Member, 0, min(size/64, importer.MaxMemberRows))
	var bad rowErrors
	file, err := importer.ParseMembers(f, path, importer.MemberOptions{
		Location: g.Location(),
		Mapping:  opt.Mapping,
		OnRecord: func(rec importer.MemberRecord) error {
			rows = append(rows, rec.Member)
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
	departedAt := opt.clock().Now()
	if fi, err := os.Stat(path); err == nil {
		departedAt = fi.ModTime()
	}

	tx, members, err := beginWithMembers(ctx, st, batch, opt)
	if err != nil {
		return Summary{}, err
	}
	defer tx.Rollback()
	roster := domain.NewRoster(members)
	roster.Reserve(len(rows))
	kept := make(map[int]bool, len(rows))
	var counts domain.RowCounts
	for _, row := range rows {
		i, outcome := roster.Listed(row)
		kept[i] = true
		switch outcome {
		case domain.ListedCreated:
			counts.Imported++
		case domain.ListedUpdated:
			counts.Updated++
		default:
			counts.SkippedDuplicates++
		}
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	if opt.Roster {
		roster.Departed(kept, departedAt)
	}
	tx.SetRowCounts(counts)
	saved, err := tx.Commit(roster.Members, roster.Changed())
	if err != nil {
		return Summary{}, err
	}
	return summarize(saved, bad), nil
}
