package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the member edit form.
const (
	MaxTags     = 20
	MaxTagLen   = 32
	MaxNotesLen = 2000
)

// Where a tier change came from. A manual change locks the tier against
// suggestions (docs/metrics.md "Tiers"); accepting a suggestion does not, so the
// member keeps being ranked.
const (
	TierSourceManual     = "manual"
	TierSourceSuggestion = "suggestion"
)

// MemberEdit is an operator's change to one member: tier (with its lock),
// tags and notes. Version is the member's version the form was loaded with.
type MemberEdit struct {
	GroupID    int64
	MemberID   int64
	Version    int
	Tier       Tier
	TierLocked bool
	Tags       []string
	Notes      string
	Source     string // TierSourceManual (default) or TierSourceSuggestion
	Week       string // the week shown when the change was made, e.g. 2024-W10
}

// Validate checks the edit and returns it cleaned (tags trimmed, deduplicated).
func (e MemberEdit) Validate() (MemberEdit, error) {
	switch e.Tier {
	case TierAdmin, TierCore, TierNormal:
	default:
		return e, Errorf(EINVALID, "member.bad_tier", map[string]any{"value": string(e.Tier)})
	}
	e.Tags = CleanList(e.Tags)
	if len(e.Tags) > MaxTags {
		return e, Errorf(EINVALID, "member.too_many_tags", map[string]any{"max": MaxTags})
	}
	for _, t := range e.Tags {
		if utf8.RuneCountInString(t) > MaxTagLen || strings.ContainsAny(t, "\r\n") {
			return e, Errorf(EINVALID, "member.bad_tag", map[string]any{"value": Excerpt(t, 40), "max": MaxTagLen})
		}
	}
	if utf8.RuneCountInString(e.Notes) > MaxNotesLen {
		return e, Errorf(EINVALID, "member.notes_too_long", map[string]any{"max": MaxNotesLen})
	}
	if e.Source == "" {
		e.Source = TierSourceManual
	}
	return e, nil
}

// MemberEvent is a recorded change on a member's timeline (a tier change).
type MemberEvent struct {
	ID       int64
	GroupID  int64
	MemberID int64
	Kind     string // "tier"
	From, To string
	Source   string // TierSourceManual or TierSourceSuggestion
	Week     string
	At       time.Time
}

// Kinds of member events: a tier change, and the operator marking the
// member removed from the group (its time is when it was marked; the
// removal time itself is the member's left_at).
const (
	EventTier    = "tier"
	EventRemoved = "removed"
)

// Decisions on a detected violation in the queue. Every detected violation
// is a strike unless dismissed; warning or removing confirms it.
const (
	ReviewDismissed = "dismissed"
	ReviewWarned    = "warned"
	ReviewRemoved   = "removed"
)

// PointGrant is points given (positive) or redeemed (negative) by hand, with
// the reason the operator typed.
type PointGrant struct {
	ID       int64
	GroupID  int64
	MemberID int64
	Points   int
	Reason   string
	At       time.Time
}

// Limits of a hand entry of points.
const (
	MaxPointsEntry  = 100000
	MaxPointsReason = 100
)

// Validate checks a hand entry of points.
func (g PointGrant) Validate() (PointGrant, error) {
	g.Reason = strings.TrimSpace(g.Reason)
	switch {
	case g.Points == 0 || g.Points > MaxPointsEntry || g.Points < -MaxPointsEntry:
		return g, Errorf(EINVALID, "points.bad_amount", map[string]any{"max": MaxPointsEntry})
	case g.Reason == "":
		return g, Errorf(EINVALID, "points.reason_required", nil)
	case utf8.RuneCountInString(g.Reason) > MaxPointsReason:
		return g, Errorf(EINVALID, "points.reason_too_long", map[string]any{"max": MaxPointsReason})
	}
	return g, nil
}
