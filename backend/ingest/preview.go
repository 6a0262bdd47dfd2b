package ingest

import (
	"context"
	"errors"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
)

// PreviewRows is how many records a preview shows.
const PreviewRows = 20

var errEnough = errors.New("preview complete")

// ChatPreview is what the import wizard shows before a chat import.
type ChatPreview struct {
	File     string
	Format   string
	Encoding string
	Size     int64
	Records  []importer.ChatRecord
	Errors   []RowError
	// LooksLike is domain.BatchMembers when the file is a member list, not
	// a chat export (nothing else is then read): the wizard offers to
	// import it as one.
	LooksLike domain.BatchKind
	// FileGroup is the group the file's header names ("" if none): the
	// caller compares it with the group it imports into (SameGroupName).
	FileGroup string
}

// PreviewChat detects a chat export's format and reads its first records,
// with wall-clock times read in loc.
func PreviewChat(ctx context.Context, path, format string, loc *time.Location) (ChatPreview, error) {
	f, size, err := openFile(path)
	if err != nil {
		return ChatPreview{}, err
	}
	defer f.Close()
	p := ChatPreview{File: baseName(path), Size: size}
	if format, p.Encoding, err = chatFormat(f, path, format); err != nil {
		if isKey(err, KeyLooksLikeMembers) {
			p.LooksLike = domain.BatchMembers
			return p, nil
		}
		return p, err
	}
	p.Format = format
	p.FileGroup = importer.ChatGroupName(headOf(f), format)
	err = importer.ParseChat(f, format, importer.ChatOptions{
		Location: loc,
		OnRecord: func(rec importer.ChatRecord) error {
			p.Records = append(p.Records, rec)
			if len(p.Records) >= PreviewRows {
				return errEnough
			}
			return ctx.Err()
		},
		OnBad: func(e importer.LineError) {
			if len(p.Errors) < PreviewRows {
				p.Errors = append(p.Errors, RowError(e))
			}
		},
	})
	if err != nil && !errors.Is(err, errEnough) {
		return p, namingFile(err, path)
	}
	return p, nil
}

// MembersPreview is what the wizard shows before a member-list import: the
// detected encoding, the column mapping (which the user may correct) and the
// first rows.
type MembersPreview struct {
	File    importer.MemberFile
	Name    string
	Records []importer.MemberRecord
	Errors  []RowError
	// LooksLike is domain.BatchChat when the file is a chat export, not a
	// member list (nothing else is then read): the wizard offers to import
	// it as one.
	LooksLike domain.BatchKind
}

// PreviewMembers reads a member list's header, mapping and first rows.
func PreviewMembers(ctx context.Context, path string, loc *time.Location, mapping map[string]importer.MemberField) (MembersPreview, error) {
	f, _, err := openFile(path)
	if err != nil {
		return MembersPreview{}, err
	}
	defer f.Close()
	p := MembersPreview{Name: baseName(path)}
	if err := refuseChatAsMembers(f, path); err != nil {
		p.LooksLike = domain.BatchChat
		return p, nil
	}
	p.File, err = importer.ParseMembers(f, path, importer.MemberOptions{
		Location: loc,
		Mapping:  mapping,
		OnRecord: func(rec importer.MemberRecord) error {
			if len(p.Records) < PreviewRows {
				p.Records = append(p.Records, rec)
			}
			return ctx.Err()
		},
		OnBad: func(e importer.LineError) {
			if len(p.Errors) < PreviewRows {
				p.Errors = append(p.Errors, RowError(e))
			}
		},
	})
	return p, namingFile(err, path)
}
