package domain

import (
	"net"
	"net/url"
	"strings"
	"time"
)

// LiveKind is where a live source reads a group's chat from
// (docs/cli.md "Live").
type LiveKind string

const (
	// LiveChatlog polls a local sjzar/chatlog HTTP service for one room.
	LiveChatlog LiveKind = "chatlog"
	// LiveFolder imports every new or grown export file saved in a folder.
	LiveFolder LiveKind = "folder"
)

// Bounds and defaults of a live source's settings.
const (
	MinLiveEverySeconds     = 30
	MaxLiveEverySeconds     = 600
	DefaultLiveEverySeconds = 60
	// DefaultReplyMinutes is the wait after which an unanswered question
	// reminds the staff: the seed's 15 minutes, the response threshold
	// of docs/metrics.md. A group's rules may set another (ReplyMinutes).
	DefaultReplyMinutes = 15
	MinReplyMinutes     = 5
	MaxReplyMinutes     = 240
	// ReminderHorizon is how old a question may be and still remind: the
	// answer window of the response figures (24 hours). Older unanswered
	// questions are history the weekly figures count, not something to
	// chase now — the first poll of a year's chat reminds of nothing old.
	ReminderHorizon = 24 * time.Hour
)

// LiveSource is one group's live source and its state. A group has at most
// one.
type LiveSource struct {
	ID      int64    `json:"id"`
	GroupID int64    `json:"group_id"`
	Kind    LiveKind `json:"kind"`
	// URL is the chatlog service's address (http://127.0.0.1:5030) and
	// Talker the room's id (…@chatroom) or name; Folder the folder watched.
	URL    string `json:"url"`
	Talker string `json:"talker"`
	Folder string `json:"folder"`
	// EverySeconds is the poll interval (MinLiveEverySeconds–MaxLiveEverySeconds).
	EverySeconds int  `json:"every_seconds"`
	Enabled      bool `json:"enabled"`
	// AllowRemote: the operator confirmed a chatlog address that is not on
	// this computer (loopback).
	AllowRemote bool `json:"allow_remote"`
	// NotifyReminders and NotifyIncidents choose which alerts show a
	// desktop notification (all of them appear in the 待处理 list).
	NotifyReminders bool `json:"notify_reminders"`
	NotifyIncidents bool `json:"notify_incidents"`
	// LastSyncAt is the last poll that succeeded, LastError the last
	// poll's failure ("" after a success), Failures how many polls failed
	// in a row (the backoff).
	LastSyncAt *time.Time `json:"last_sync_at"`
	LastError  string     `json:"last_error"`
	Failures   int        `json:"failures"`
	CreatedAt  time.Time  `json:"created_at"`
}

// Validate checks a live source's settings and returns them cleaned.
func (s LiveSource) Validate() (LiveSource, error) {
	bad := func(key string, value any) error {
		return Errorf(EINVALID, "live.bad_"+key, map[string]any{"value": value})
	}
	s.URL, s.Talker, s.Folder = strings.TrimSpace(s.URL), strings.TrimSpace(s.Talker), strings.TrimSpace(s.Folder)
	if s.EverySeconds == 0 {
		s.EverySeconds = DefaultLiveEverySeconds
	}
	if s.EverySeconds < MinLiveEverySeconds || s.EverySeconds > MaxLiveEverySeconds {
		return s, Errorf(EINVALID, "live.bad_every", map[string]any{"value": s.EverySeconds, "min": MinLiveEverySeconds, "max": MaxLiveEverySeconds})
	}
	switch s.Kind {
	case LiveChatlog:
		u, err := ChatlogURL(s.URL)
		if err != nil {
			return s, err
		}
		s.URL, s.Folder = u.String(), ""
		if s.Talker == "" {
			return s, Errorf(EINVALID, "live.no_talker", nil)
		}
		if !s.AllowRemote && !IsLoopback(u) {
			return s, Errorf(EINVALID, "live.not_loopback", map[string]any{"value": u.Host})
		}
	case LiveFolder:
		if s.Folder == "" {
			return s, Errorf(EINVALID, "live.no_folder", nil)
		}
		s.URL, s.Talker = "", ""
	default:
		return s, bad("kind", string(s.Kind))
	}
	return s, nil
}

// ChatlogURL reads a chatlog service's address: http or https, a host, no
// query; "127.0.0.1:5030" without a scheme is taken as http.
func ChatlogURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw != "" && !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.User != nil {
		return nil, Errorf(EINVALID, "live.bad_url", map[string]any{"value": Excerpt(raw, 60)})
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.Fragment = ""
	return u, nil
}

// IsLoopback reports whether u names this computer: localhost or a
// loopback address. Chat history is the members' private data; a source
// elsewhere on the network needs the operator's say-so (AllowRemote).
func IsLoopback(u *url.URL) bool {
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// AlertKind is what a live alert is about.
type AlertKind string

const (
	// AlertUnanswered: a member's question no staff message followed within
	// the reply threshold.
	AlertUnanswered AlertKind = "unanswered"
	// AlertRisk: a level-2 hit of the risk scanner (a hint to look at).
	AlertRisk AlertKind = "risk"
	// AlertIncident: a level-3 hit opened an incident.
	AlertIncident AlertKind = "incident"
)

// LiveAlert is one thing the live watch raised for a group: kept so that
// nothing is raised twice, and listed in the 待处理 list until it is
// answered, handled or dismissed.
type LiveAlert struct {
	ID      int64     `json:"id"`
	GroupID int64     `json:"group_id"`
	Kind    AlertKind `json:"kind"`
	// Key names what it is about, unique per group and kind: the question's
	// message id, the hit's key, the incident's id.
	Key        string `json:"key"`
	MessageID  int64  `json:"message_id"`
	IncidentID int64  `json:"incident_id"`
	Level      int    `json:"level"`
	// Name and Text are who and what (the asker and the question, the
	// sender and the matched text), read from the message when listed, so
	// they are never stored twice; At is the message's (the event's) time.
	Name string    `json:"name"`
	Text string    `json:"text"`
	At   time.Time `json:"at"`
	// HeldUntil: found in the group's quiet hours, the alert waits until
	// they end. RaisedAt is when it was raised (notified); ClosedAt when it
	// was answered, handled or dismissed, with Closed saying how.
	HeldUntil *time.Time `json:"held_until"`
	RaisedAt  *time.Time `json:"raised_at"`
	ClosedAt  *time.Time `json:"closed_at"`
	Closed    string     `json:"closed"` // "", "answered", "dismissed", "handled"
	CreatedAt time.Time  `json:"created_at"`
}

// Ways a live alert is closed.
const (
	AlertAnswered  = "answered"
	AlertDismissed = "dismissed"
	AlertHandled   = "handled"
)

// LiveFile is a file a folder watch has read, by name, size and time, so a
// file is imported once and again only when it has grown or changed.
type LiveFile struct {
	SourceID   int64     `json:"source_id"`
	Name       string    `json:"name"`
	Size       int64     `json:"size"`
	ModTime    time.Time `json:"mod_time"`
	ImportedAt time.Time `json:"imported_at"`
	Error      string    `json:"error"` // the import's failure, "" when it went in
}
