package domain

// RowCounts are the summary counts an importer worked out row by row: for a
// member list, what each row did (docs/metrics.md "Member-list rows": every row
// is imported, updated or a skipped duplicate).
type RowCounts struct {
	Imported, Updated, SkippedDuplicates int
}
