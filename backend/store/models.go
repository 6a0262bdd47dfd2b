package store

import "time"

// Row types: how domain values are laid out in tables. They stay private so
// no gorm tag ever leaks into the domain. Times of messages are Unix seconds
// (integers index and bucket fast on both SQLite and PostgreSQL); other times
// are timestamps.

type groupRow struct {
	ID               int64  `gorm:"primaryKey"`
	Name             string `gorm:"size:64;not null;uniqueIndex"`
	Type             string `gorm:"size:16;not null"`
	ValueProposition string `gorm:"not null;default:''"`
	TimeZone         string `gorm:"size:64;not null"`
	StaffAliases     string `gorm:"not null;default:'[]'"` // JSON array
	Profile          string `gorm:"size:16;not null"`
	CheckinWord      string `gorm:"size:32;not null"`
	TargetSize       int    `gorm:"not null;default:0"`
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (groupRow) TableName() string { return "chat_groups" }

type memberRow struct {
	ID            int64  `gorm:"primaryKey"`
	GroupID       int64  `gorm:"not null;index"`
	WxID          string `gorm:"size:128;not null;default:''"`
	WeChatID      string `gorm:"size:128;not null;default:''"`
	Nickname      string `gorm:"not null;default:''"`
	GroupNickname string `gorm:"not null;default:''"`
	Remark        string `gorm:"not null;default:''"` // empty since schema 13: see RemarkEnc
	RemarkEnc     []byte // the remark, sealed (remarks.go)
	SeenNames     string `gorm:"not null;default:'[]'"` // JSON array; '[]' since schema 23: see SeenNamesEnc
	SeenIDs       string `gorm:"not null;default:'[]'"` // JSON array
	SeenDisplays  string `gorm:"not null;default:'[]'"` // JSON array; '[]' since schema 23: see SeenDisplaysEnc
	// The display names seen on the member and the extra columns of member
	// lists, sealed JSON (schema 23, sealnames.go): a remark shows as a
	// display name, and an extra column may hold anything (身份证号).
	SeenNamesEnc    []byte
	SeenDisplaysEnc []byte
	ExtraEnc        []byte
	PhoneEnc        []byte // sealed with secret.Box
	PhoneIndex      string `gorm:"size:32;not null;default:'';index"` // keyed hash for exact search
	RealNameEnc     []byte
	NotesEnc        []byte
	Gender          string `gorm:"size:16;not null;default:''"`
	Region          string `gorm:"not null;default:''"`
	JoinScene       string `gorm:"not null;default:''"`
	Inviter         string `gorm:"not null;default:''"`
	Friends         *int
	ActiveHours     string `gorm:"not null;default:''"`
	Tier            string `gorm:"size:16;not null;default:'normal'"`
	TierLocked      bool   `gorm:"not null;default:false"`
	JoinedAt        *time.Time
	LeftAt          *time.Time
	LeftUndated     bool   `gorm:"not null;default:false"`
	Tags            string `gorm:"not null;default:'[]'"` // JSON array
	Extra           string `gorm:"not null;default:'{}'"` // JSON object; '{}' since schema 23: see ExtraEnc
	Version         int    `gorm:"not null;default:1"`
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (memberRow) TableName() string { return "members" }

type messageRow struct {
	ID         int64  `gorm:"primaryKey"`
	GroupID    int64  `gorm:"not null"`
	MemberID   *int64 `gorm:"index"`
	SenderID   string `gorm:"size:128;not null;default:''"`
	SenderName string `gorm:"not null;default:''"` // '' since schema 23: see SenderRef
	SenderRef  int64  `gorm:"not null;default:0"`  // the sender's display name in sender_names, 0 for none (sendernames.go)
	Kind       string `gorm:"size:16;not null"`
	SentAt     int64  `gorm:"not null"` // Unix seconds, UTC
	Content    string `gorm:"not null;default:''"`
	URL        string `gorm:"not null;default:''"`
	IsLink     bool   `gorm:"not null;default:false"`
	IsStaff    bool   `gorm:"not null;default:false"`
	BatchID    int64  `gorm:"not null;index"`
	DedupeKey  string `gorm:"size:80;not null"`
	ContentEnc []byte // the content as written, sealed, when numbers in it were masked (domain.MaskPII)
}

func (messageRow) TableName() string { return "messages" }

type batchRow struct {
	ID                int64  `gorm:"primaryKey"`
	GroupID           int64  `gorm:"not null;index"`
	Kind              string `gorm:"size:16;not null"`
	Format            string `gorm:"size:32;not null;default:''"`
	File              string `gorm:"not null;default:''"`
	Encoding          string `gorm:"size:32;not null;default:''"`
	Rows              int    `gorm:"not null;default:0"`
	Imported          int    `gorm:"not null;default:0"`
	Updated           int    `gorm:"not null;default:0"`
	SkippedDuplicates int    `gorm:"not null;default:0"`
	Precision         int    `gorm:"column:time_precision;not null;default:1"` // seconds
	CreatedAt         time.Time
}

func (batchRow) TableName() string { return "import_batches" }

type settingRow struct {
	Key   string `gorm:"primaryKey;size:64"`
	Value string `gorm:"not null"`
}

func (settingRow) TableName() string { return "settings" }

type batchMemberChangeRow struct {
	ID       int64 `gorm:"primaryKey"`
	BatchID  int64
	MemberID int64
	Created  bool
	Before   string
}

func (batchMemberChangeRow) TableName() string { return "batch_member_changes" }

// batchUndoRow is a row a member merge moved to the kept member (its id, or
// key for tables keyed by member, and the member it came from) or removed
// as a duplicate (the row itself, JSON), so undoing the merge puts it back.
type batchUndoRow struct {
	ID         int64 `gorm:"primaryKey"`
	BatchID    int64
	Action     string
	Tbl        string `gorm:"column:tbl"`
	RowID      int64
	RowKey     string
	FromMember int64
	Row        string
}

func (batchUndoRow) TableName() string { return "batch_undo_rows" }
