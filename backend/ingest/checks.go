package ingest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
)

// Checks made before an import reads its rows: is the file the kind the
// operator said (a chat export picked as a member list, and back), is it the
// group's (a forward-as-text export names its group), and in which zone are
// its wall-clock times. Each refusal is a domain error whose key the CLI and
// the wizard turn into their own question: the CLI names the command or
// flag, the wizard offers a button.

// Refusal keys, for the edges that answer them with a question.
const (
	KeyLooksLikeChat    = "import.looks_like_chat"
	KeyLooksLikeMembers = "import.looks_like_members"
	KeyOtherGroup       = "import.other_group"
)

// ParseZone reads the time zone an import names for a file's wall-clock
// times (--tz, the wizard's choice): "" is nil, the group's zone. A name
// Go cannot load — or "Local", the zone of whichever computer runs the
// import — is an EINVALID error.
func ParseZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		return nil, domain.Errorf(domain.EINVALID, "import.tz_invalid", map[string]any{"value": name})
	}
	return loc, nil
}

// location is the zone a chat file's wall-clock times are read in.
func (o Options) location(g domain.Group) *time.Location {
	if o.TZ != nil {
		return o.TZ
	}
	return g.Location()
}

// headOf reads the first 64 KiB of f without moving its offset.
func headOf(f *os.File) []byte {
	head := make([]byte, 64<<10)
	n, _ := f.ReadAt(head, 0)
	return head[:n]
}

// refuseChatAsMembers refuses a chat export given to the member import: a
// file chat detection recognises is a chat history (detection asks for a
// tool's own header or a time, sender and content column, which no member
// sheet has), and read as a member list each message would become a member.
func refuseChatAsMembers(f *os.File, path string) error {
	format, err := importer.DetectChatFormat(headOf(f), path)
	if err != nil {
		return nil
	}
	return domain.Errorf(domain.EINVALID, KeyLooksLikeChat, map[string]any{"file": baseName(path), "format": format})
}

// errSheetSeen stops reading a member sheet at its first row.
var errSheetSeen = errors.New("a member row was read")

// looksLikeMembers reports whether f, which chat detection did not
// recognise, reads as a member sheet: a header naming an identity column
// (昵称, 群昵称, 微信号, 备注) — the test the member import itself makes. It
// is asked only after chat detection failed, because a MemoTrace header
// (NickName, Remark) also names identity columns. f is left at its start.
//
// Delimited text is judged by its first 64 KiB, where the header is: the
// member reader holds its whole input, and a chat file that no format
// recognised may be any size. A workbook or a WeCom response (JSON) is
// read whole, as it cannot be read in part (within MaxMemberFileBytes).
func looksLikeMembers(f *os.File, path string) bool {
	defer f.Seek(0, io.SeekStart)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	var r io.ReadSeeker = f
	if head := headOf(f); !bytes.HasPrefix(head, []byte("PK\x03\x04")) && !strings.EqualFold(filepath.Ext(path), ".json") {
		r = bytes.NewReader(head)
	}
	_, err := importer.ParseMembers(r, path, importer.MemberOptions{
		OnRecord: func(importer.MemberRecord) error { return errSheetSeen },
	})
	return err == nil || errors.Is(err, errSheetSeen)
}

// isKey reports whether err is the domain error with key.
func isKey(err error, key string) bool {
	var e *domain.Error
	return errors.As(err, &e) && e.Key == key
}

// errLooksLikeMembers is the chat import's refusal of a member list.
func errLooksLikeMembers(path string) error {
	return domain.Errorf(domain.EINVALID, KeyLooksLikeMembers, map[string]any{"file": baseName(path)})
}

// checkGroup refuses a chat export whose header names another group than
// g, unless anyGroup (the operator confirmed). Only forward-as-text names
// its group reliably (importer.ChatGroupName says why chatlog's talkerName
// is not read). The error's args carry both names for the question.
func checkGroup(f *os.File, path, format string, g domain.Group, anyGroup bool) error {
	if anyGroup {
		return nil
	}
	named := importer.ChatGroupName(headOf(f), format)
	if named == "" || SameGroupName(named, g.Name) {
		return nil
	}
	return domain.Errorf(domain.EINVALID, KeyOtherGroup, map[string]any{"file": baseName(path), "fileGroup": named, "group": g.Name})
}

// SameGroupName reports whether a name an export shows is the group's name,
// allowing for what differs between how WeChat shows a name and how an
// operator typed it: spaces, full-width letters and digits, letter case.
func SameGroupName(a, b string) bool {
	return groupNameKey(a) == groupNameKey(b)
}

func groupNameKey(s string) string {
	s = width.Fold.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return s
}
