package contentsvc

import (
	"context"

	"qunzhu/backend/content"
	"qunzhu/backend/store"
)

// Library lists the content library, newest first.
func (s *Service) Library(ctx context.Context) ([]store.LibraryEntry, error) {
	return s.st.Library(ctx)
}

// SaveToLibrary keeps a copy of item id (type, format, title as shown in
// lang, body) in the library for reuse. groupID 0 takes the item's own
// group (the command line names the item only).
func (s *Service) SaveToLibrary(ctx context.Context, groupID, id int64, lang string) (store.LibraryEntry, error) {
	if groupID == 0 {
		it, err := s.st.ContentItem(ctx, id)
		if err != nil {
			return store.LibraryEntry{}, err
		}
		groupID = it.GroupID
	}
	it, _, err := s.loadItem(ctx, groupID, id)
	if err != nil {
		return store.LibraryEntry{}, err
	}
	return s.st.SaveToLibrary(ctx, store.LibraryEntry{Type: it.Type, Format: it.Format, Title: Title(lang, it), Body: it.Body})
}

// DeleteLibraryEntry removes entry id from the library.
func (s *Service) DeleteLibraryEntry(ctx context.Context, id int64) error {
	return s.st.DeleteLibraryEntry(ctx, id)
}

// RestoreLibraryEntry puts a deleted library entry back (撤销 on the toast
// after a delete), as a new entry with the same type, format, title and body.
func (s *Service) RestoreLibraryEntry(ctx context.Context, e store.LibraryEntry) (store.LibraryEntry, error) {
	return s.st.SaveToLibrary(ctx, store.LibraryEntry{Type: content.Type(e.Type), Format: content.Format(e.Format), Title: e.Title, Body: e.Body})
}

// LibraryTitle is what an entry shows: its title, or one made from its
// format and type in lang.
func LibraryTitle(lang string, e store.LibraryEntry) string {
	return Title(lang, content.Item{Type: e.Type, Format: e.Format, Title: e.Title})
}
