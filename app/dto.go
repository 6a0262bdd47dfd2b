package app

import (
	"time"

	"qunzhu/backend/domain"
)

// GroupDTO is a group as the frontend sees it. Times are RFC 3339 strings in
// the group's own time zone, so the UI never guesses an offset.
type GroupDTO struct {
	ID               int64    `json:"id"`
	Name             string   `json:"name"`
	Type             string   `json:"type"`
	ValueProposition string   `json:"valueProposition"`
	TimeZone         string   `json:"timeZone"`
	StaffAliases     []string `json:"staffAliases"`
	Profile          string   `json:"profile"`
	CheckinWord      string   `json:"checkinWord"`
	TargetSize       int      `json:"targetSize"`
	Members          int      `json:"members"`
	Messages         int      `json:"messages"`
	LastMessageAt    string   `json:"lastMessageAt"` // "" when no chat was imported
	CreatedAt        string   `json:"createdAt"`
	UpdatedAt        string   `json:"updatedAt"`
	// Demo: the demo was loaded into the group (移除示例数据 removes it).
	Demo bool `json:"demo"`
}

// GroupInputDTO is the create/edit form.
type GroupInputDTO struct {
	Name             string   `json:"name"`
	Type             string   `json:"type"`
	ValueProposition string   `json:"valueProposition"`
	TimeZone         string   `json:"timeZone"`
	StaffAliases     []string `json:"staffAliases"`
	Profile          string   `json:"profile"`
	CheckinWord      string   `json:"checkinWord"`
	TargetSize       int      `json:"targetSize"`
}

// GroupOptionsDTO lists the choices the group form offers.
type GroupOptionsDTO struct {
	Types              []string `json:"types"`
	Profiles           []string `json:"profiles"`
	TimeZones          []string `json:"timeZones"`
	DefaultTimeZone    string   `json:"defaultTimeZone"`
	DefaultCheckinWord string   `json:"defaultCheckinWord"`
	// BackupBeforeDelete: deleting a group backs the workspace up first
	// (a SQLite workspace; a team server's backups are its administrator's).
	BackupBeforeDelete bool `json:"backupBeforeDelete"`
}

// SystemInfoDTO tells the UI about the running app and where its data lives.
type SystemInfoDTO struct {
	ProductName string `json:"productName"`
	Version     string `json:"version"`
	Language    string `json:"language"` // "zh" or "en"
	DataDir     string `json:"dataDir"`
	DBPath      string `json:"dbPath"`
	KeyPath     string `json:"keyPath"`
	Platform    string `json:"platform"`
	Welcome     bool   `json:"welcome"` // first run: show the welcome screen
	Locked      bool   `json:"locked"`  // a passphrase protects the workspace: show the lock screen
}

// ErrorDTO is what a failed call rejects with in the frontend: a stable code
// and the message in the user's language.
type ErrorDTO struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (in GroupInputDTO) domain() domain.GroupInput {
	return domain.GroupInput{
		Name:             in.Name,
		Type:             domain.GroupType(in.Type),
		ValueProposition: in.ValueProposition,
		TimeZone:         in.TimeZone,
		StaffAliases:     in.StaffAliases,
		Profile:          domain.Profile(in.Profile),
		CheckinWord:      in.CheckinWord,
		TargetSize:       in.TargetSize,
	}
}

func groupDTO(s domain.GroupSummary) GroupDTO {
	loc := s.Location()
	d := GroupDTO{
		ID:               s.ID,
		Name:             s.Name,
		Type:             string(s.Type),
		ValueProposition: s.ValueProposition,
		TimeZone:         s.TimeZone,
		StaffAliases:     s.StaffAliases,
		Profile:          string(s.Profile),
		CheckinWord:      s.CheckinWord,
		TargetSize:       s.TargetSize,
		Members:          s.Members,
		Messages:         s.Messages,
		Demo:             s.Demo,
		CreatedAt:        rfc3339(s.CreatedAt, loc),
		UpdatedAt:        rfc3339(s.UpdatedAt, loc),
	}
	if d.StaffAliases == nil {
		d.StaffAliases = []string{}
	}
	if s.LastMessageAt != nil {
		d.LastMessageAt = rfc3339(*s.LastMessageAt, loc)
	}
	return d
}

func rfc3339(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}
