package content

import (
	"time"

	"qunzhu/backend/domain"
)

// LibraryEntry is a reusable item kept in the content library: its type,
// format, title and body, without a group or a time.
type LibraryEntry struct {
	ID        int64
	Type      Type
	Format    Format
	Title     string
	Body      string
	CreatedAt time.Time
}

// Validate refuses an entry of a type or format the planner does not know,
// with the same words as an item's (Item.Validate).
func (e LibraryEntry) Validate() error {
	if !oneOf(e.Type, Types) {
		return domain.Errorf(domain.EINVALID, "content.bad_type", map[string]any{"value": string(e.Type)})
	}
	if !oneOf(e.Format, Formats) {
		return domain.Errorf(domain.EINVALID, "content.bad_format", map[string]any{"value": string(e.Format)})
	}
	return nil
}
