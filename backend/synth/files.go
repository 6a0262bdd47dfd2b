package synth

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// File is one file the generator writes.
type File struct {
	Name string
	// Format is the chat format's name as `qunzhu import chat --format`
	// takes it, or "members" for a member list.
	Format string
	Write  func(io.Writer) error
}

// Format names (the importer's, repeated here so this package needs nothing
// but the domain).
const (
	FormatMemoTrace    = "memotrace"
	FormatPyWxDump     = "pywxdump"
	FormatChatlog      = "chatlog"
	FormatWeChatText   = "wechat-text"
	FormatWeComArchive = "wecom-archive"
	FormatCSV          = "csv"
	FormatMembers      = "members"
)

// ChatFormats lists the six chat formats in the order Files writes them.
var ChatFormats = []string{FormatMemoTrace, FormatPyWxDump, FormatChatlog, FormatWeChatText, FormatWeComArchive, FormatCSV}

// File names of the member lists.
const (
	MembersFull     = "members_full.csv"
	MembersSameName = "members_same_name.csv"
	MembersDamaged  = "members_damaged.csv"
)

// Files lists every file of the chat: the six chat exports, then the three
// member lists.
func (c *Chat) Files() []File {
	return []File{
		{"chat_memotrace.csv", FormatMemoTrace, c.WriteMemoTrace},
		{"chat_pywxdump.csv", FormatPyWxDump, c.WritePyWxDump},
		{"chat_chatlog.json", FormatChatlog, c.WriteChatlog},
		{"chat_wechat_text.txt", FormatWeChatText, c.WriteWeChatText},
		{"chat_wecom_archive.jsonl", FormatWeComArchive, c.WriteWeComArchive},
		{"chat_typed.csv", FormatCSV, c.WriteTypedCSV},
		{MembersFull, FormatMembers, c.WriteMembers},
		{MembersSameName, FormatMembers, c.WriteMembersSameName},
		{MembersDamaged, FormatMembers, c.WriteMembersDamaged},
	}
}

// ChatFile returns the name of the file of a chat format ("" for an unknown one).
func (c *Chat) ChatFile(format string) string {
	for _, f := range c.Files() {
		if f.Format == format {
			return f.Name
		}
	}
	return ""
}

// WriteAll writes every file into dir (created if missing) and returns
// their paths in Files order.
func (c *Chat) WriteAll(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range c.Files() {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			return nil, err
		}
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
