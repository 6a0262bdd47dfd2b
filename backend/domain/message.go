package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Kind is what a chat message carries (docs/metrics.md "Messages").
type Kind string

const (
	KindText        Kind = "text"
	KindImage       Kind = "image"
	KindVoice       Kind = "voice"
	KindVideo       Kind = "video"
	KindEmoji       Kind = "emoji"
	KindLink        Kind = "link"
	KindFile        Kind = "file"
	KindLocation    Kind = "location"
	KindMiniProgram Kind = "miniprogram"
	KindQuote       Kind = "quote"
	KindTransfer    Kind = "transfer"
	KindCall        Kind = "call"
	KindSystem      Kind = "system"
	KindOther       Kind = "other"
)

// Countable reports whether a message of this kind counts as a message:
// every kind but system.
func (k Kind) Countable() bool { return k != KindSystem }

// Message is one imported chat message. SentAt is a UTC instant.
type Message struct {
	ID         int64
	GroupID    int64
	MemberID   *int64 // nil for system messages with no sender
	SenderID   string // as the export wrote it
	SenderName string
	Kind       Kind
	SentAt     time.Time
	Content    string // as shown: phone and ID numbers masked (MaskPII)
	// Original is the content as written when MaskPII masked numbers in it
	// ("" otherwise): the store keeps it sealed, never in clear, and shows
	// it only on an explicit, audited request.
	Original string
	// Screened says MaskPII has already run on Content (the ingest masks
	// before it derives the dedupe key), so the store need not run it again.
	Screened bool
	URL      string // first URL for link posts, "" otherwise
	IsLink   bool   // a link post (docs/metrics.md)
	IsStaff  bool   // sent by staff at import time
	BatchID  int64
	// Precision is how exactly the export gave SentAt: time.Minute for an
	// export that shows HH:MM, else a second (0 means a second too). It is
	// the import's concern: a stored message keeps its batch's precision.
	Precision time.Duration
	// DedupeKey identifies the message across overlapping exports of the same
	// chat; unique per group.
	DedupeKey string
}

// DedupeKey derives the key that makes the same message from two exports
// collide: the export's own message id when it has one, else the instant,
// sender and content.
func DedupeKey(sourceID string, sentAt time.Time, senderID, senderName string, kind Kind, content string) string {
	if sourceID != "" {
		return "id:" + sourceID
	}
	// One buffer and one hash call per message: a million-message import
	// computes this for every row.
	var stack [256]byte
	buf := strconv.AppendInt(stack[:0], sentAt.Unix(), 10)
	for _, part := range [...]string{senderID, senderName, string(kind), strings.TrimSpace(content)} {
		buf = append(buf, 0)
		buf = append(buf, part...)
	}
	buf = append(buf, 0)
	sum := sha256.Sum256(buf)
	// 64 bits of the hash: a key need only differ from the other messages
	// of its group and second (the unique index is group, time, key), where
	// 64 bits do not collide in practice, and 16 hex digits rather than 32
	// take 32 bytes a message off the table and its index (schema step 29
	// shortened the keys stored before).
	var out [2 + 16]byte
	out[0], out[1] = 'h', ':'
	hex.Encode(out[2:], sum[:8])
	return string(out[:])
}

// BatchKind says what an import batch brought in.
type BatchKind string

const (
	BatchMembers BatchKind = "members"
	BatchChat    BatchKind = "chat"
	BatchDemo    BatchKind = "demo"
	// BatchMerge is an operator's member merge: listed with the imports and
	// undone like one.
	BatchMerge BatchKind = "merge"
)

// ImportBatch records one import: what came from which file, so it can be
// listed, explained and undone.
type ImportBatch struct {
	ID                int64
	GroupID           int64
	Kind              BatchKind
	Format            string
	File              string
	Encoding          string
	Rows              int
	Imported          int
	Updated           int
	SkippedDuplicates int
	// Precision is the coarsest precision of the batch's times (a second, or
	// a minute for an export that shows HH:MM): a later export's message
	// matches one of this batch to that precision.
	Precision time.Duration
	CreatedAt time.Time
}
