package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

// The live watch's storage (issue 24): each group's live source and its
// poll state, the alerts the watch raised, and the files a folder watch has
// read. The rows hold no member's data: an alert names its message, and the
// asker's name and the question are read from it when listed.

type liveSourceRow struct {
	ID              int64 `gorm:"primaryKey"`
	GroupID         int64
	Kind            string
	URL             string `gorm:"column:url"`
	Talker          string
	Folder          string
	EverySeconds    int
	Enabled         bool
	AllowRemote     bool
	NotifyReminders bool
	NotifyIncidents bool
	LastSyncAt      *time.Time
	LastError       string
	Failures        int
	CreatedAt       time.Time
}

func (liveSourceRow) TableName() string { return "live_sources" }

func (r liveSourceRow) domain() domain.LiveSource {
	return domain.LiveSource{
		ID: r.ID, GroupID: r.GroupID, Kind: domain.LiveKind(r.Kind),
		URL: r.URL, Talker: r.Talker, Folder: r.Folder, EverySeconds: r.EverySeconds,
		Enabled: r.Enabled, AllowRemote: r.AllowRemote,
		NotifyReminders: r.NotifyReminders, NotifyIncidents: r.NotifyIncidents,
		LastSyncAt: utcPtr(r.LastSyncAt), LastError: r.LastError, Failures: r.Failures,
		CreatedAt: r.CreatedAt.UTC(),
	}
}

type liveAlertRow struct {
	ID         int64 `gorm:"primaryKey"`
	GroupID    int64
	Kind       string
	Key        string
	MessageID  int64
	IncidentID int64
	Level      int
	At         time.Time
	HeldUntil  *time.Time
	RaisedAt   *time.Time
	ClosedAt   *time.Time
	Closed     string
	CreatedAt  time.Time
}

func (liveAlertRow) TableName() string { return "live_alerts" }

func (r liveAlertRow) domain() domain.LiveAlert {
	return domain.LiveAlert{
		ID: r.ID, GroupID: r.GroupID, Kind: domain.AlertKind(r.Kind), Key: r.Key,
		MessageID: r.MessageID, IncidentID: r.IncidentID, Level: r.Level, At: r.At.UTC(),
		HeldUntil: utcPtr(r.HeldUntil), RaisedAt: utcPtr(r.RaisedAt), ClosedAt: utcPtr(r.ClosedAt),
		Closed: r.Closed, CreatedAt: r.CreatedAt.UTC(),
	}
}

// liveFileRow keeps mod_time as Unix nanoseconds: the watch compares it
// with the file's time, and a PostgreSQL timestamp would come back
// truncated to microseconds, so an unchanged file would look changed.
type liveFileRow struct {
	SourceID   int64  `gorm:"primaryKey;autoIncrement:false"`
	Name       string `gorm:"primaryKey"`
	Size       int64
	ModTime    int64
	ImportedAt time.Time
	Error      string
}

func (liveFileRow) TableName() string { return "live_files" }

// liveSourceAudit is a live source's settings as the audit log keeps them
// (the poll state is not anybody's decision and is left out).
type liveSourceAudit struct {
	Kind            string `json:"kind"`
	URL             string `json:"url"`
	Talker          string `json:"talker"`
	Folder          string `json:"folder"`
	EverySeconds    int    `json:"every_seconds"`
	Enabled         bool   `json:"enabled"`
	AllowRemote     bool   `json:"allow_remote"`
	NotifyReminders bool   `json:"notify_reminders"`
	NotifyIncidents bool   `json:"notify_incidents"`
}

func liveSourceAuditOf(r liveSourceRow) liveSourceAudit {
	return liveSourceAudit{Kind: r.Kind, URL: r.URL, Talker: r.Talker, Folder: r.Folder,
		EverySeconds: r.EverySeconds, Enabled: r.Enabled, AllowRemote: r.AllowRemote,
		NotifyReminders: r.NotifyReminders, NotifyIncidents: r.NotifyIncidents}
}

// LiveSources returns every group's live source, by group id.
func (s *Store) LiveSources(ctx context.Context) ([]domain.LiveSource, error) {
	var rows []liveSourceRow
	if err := s.db.WithContext(ctx).Order("group_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.LiveSource, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// LiveSource returns a group's live source; false when it has none.
func (s *Store) LiveSource(ctx context.Context, groupID int64) (domain.LiveSource, bool, error) {
	row, ok, err := liveSourceOf(s.db.WithContext(ctx), groupID)
	if err != nil || !ok {
		return domain.LiveSource{}, false, err
	}
	return row.domain(), true, nil
}

func liveSourceOf(db *gorm.DB, groupID int64) (liveSourceRow, bool, error) {
	var rows []liveSourceRow
	if err := db.Where("group_id = ?", groupID).Limit(1).Find(&rows).Error; err != nil {
		return liveSourceRow{}, false, err
	}
	if len(rows) == 0 {
		return liveSourceRow{}, false, nil
	}
	return rows[0], true, nil
}

// SaveLiveSource validates and saves a group's live source, replacing the
// settings of the one it has: its id, creation and poll state (last sync,
// last error, failures) stay, since a change of settings is not a poll.
// The change is recorded in the audit log with the fields that changed.
func (s *Store) SaveLiveSource(ctx context.Context, src domain.LiveSource) (domain.LiveSource, error) {
	if _, err := s.Group(ctx, src.GroupID); err != nil {
		return domain.LiveSource{}, err
	}
	clean, err := src.Validate()
	if err != nil {
		return domain.LiveSource{}, err
	}
	var saved liveSourceRow
	err = s.write(ctx, func(tx *gorm.DB) error {
		old, existed, err := liveSourceOf(tx, clean.GroupID)
		if err != nil {
			return err
		}
		row := old
		row.GroupID, row.Kind = clean.GroupID, string(clean.Kind)
		row.URL, row.Talker, row.Folder = clean.URL, clean.Talker, clean.Folder
		row.EverySeconds, row.Enabled, row.AllowRemote = clean.EverySeconds, clean.Enabled, clean.AllowRemote
		row.NotifyReminders, row.NotifyIncidents = clean.NotifyReminders, clean.NotifyIncidents
		if existed {
			if err := tx.Model(&liveSourceRow{}).Where("id = ?", old.ID).Updates(map[string]any{
				"kind": row.Kind, "url": row.URL, "talker": row.Talker, "folder": row.Folder,
				"every_seconds": row.EverySeconds, "enabled": row.Enabled, "allow_remote": row.AllowRemote,
				"notify_reminders": row.NotifyReminders, "notify_incidents": row.NotifyIncidents,
			}).Error; err != nil {
				return err
			}
			// Another folder (or no folder) is another set of files: what
			// the old one's watch read says nothing of the new one's.
			if old.Kind != row.Kind || old.Folder != row.Folder {
				if err := tx.Where("source_id = ?", old.ID).Delete(&liveFileRow{}).Error; err != nil {
					return err
				}
			}
		} else if err := tx.Create(&row).Error; err != nil {
			return err
		}
		saved = row
		after := liveSourceAuditOf(row)
		if !existed {
			return s.audit(tx, "live.source.save", "live_source", row.ID, row.GroupID, nil, after)
		}
		b, a := auditDiff(liveSourceAuditOf(old), after, "kind")
		if len(a) <= 1 {
			return nil // the same settings again
		}
		return s.audit(tx, "live.source.save", "live_source", row.ID, row.GroupID, b, a)
	})
	if err != nil {
		return domain.LiveSource{}, err
	}
	return saved.domain(), nil
}

// DeleteLiveSource removes a group's live source and the files its folder
// watch had read, recorded in the audit log. The group's alerts stay: they
// are its history.
func (s *Store) DeleteLiveSource(ctx context.Context, groupID int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		old, ok, err := liveSourceOf(tx, groupID)
		if err != nil {
			return err
		}
		if !ok {
			return domain.Errorf(domain.ENOTFOUND, "live.source_not_found", map[string]any{"group": groupID})
		}
		if err := tx.Where("source_id = ?", old.ID).Delete(&liveFileRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("id = ?", old.ID).Delete(&liveSourceRow{}).Error; err != nil {
			return err
		}
		return s.audit(tx, "live.source.remove", "live_source", old.ID, groupID, liveSourceAuditOf(old), nil)
	})
}

// RecordLivePoll records how a group's poll at at went: errText "" is a
// success (the last sync, no error, no failures in a row), else the error
// and one more failure. A poll is the watch's routine, not anybody's
// decision: it is not audited.
func (s *Store) RecordLivePoll(ctx context.Context, groupID int64, at time.Time, errText string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		q := tx.Model(&liveSourceRow{}).Where("group_id = ?", groupID)
		var res *gorm.DB
		if errText == "" {
			res = q.Updates(map[string]any{"last_sync_at": at.UTC(), "last_error": "", "failures": 0})
		} else {
			res = q.Updates(map[string]any{"last_error": errText, "failures": gorm.Expr("failures + 1")})
		}
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return domain.Errorf(domain.ENOTFOUND, "live.source_not_found", map[string]any{"group": groupID})
		}
		return nil
	})
}

// LiveAlerts returns a group's alerts (groupID 0: every group's), only the
// open ones (not closed) when openOnly, by time of their event. Name and
// Text are left empty: the caller reads them from the messages.
func (s *Store) LiveAlerts(ctx context.Context, groupID int64, openOnly bool) ([]domain.LiveAlert, error) {
	q := s.db.WithContext(ctx).Model(&liveAlertRow{})
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	if openOnly {
		q = q.Where("closed_at IS NULL")
	}
	var rows []liveAlertRow
	if err := q.Order("at, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.LiveAlert, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// AddLiveAlert stores an alert unless the group already has one of its
// kind and key, and returns the stored row and whether this call created
// it. Two watches racing on the same alert both get the one row, and only
// one of them created=true: the insert does nothing on a conflict and the
// row is read back.
func (s *Store) AddLiveAlert(ctx context.Context, a domain.LiveAlert) (domain.LiveAlert, bool, error) {
	if a.GroupID <= 0 || a.Kind == "" || a.Key == "" {
		return domain.LiveAlert{}, false, domain.Errorf(domain.EINVALID, "live.alert_invalid", map[string]any{"kind": string(a.Kind), "key": a.Key})
	}
	row := liveAlertRow{
		GroupID: a.GroupID, Kind: string(a.Kind), Key: a.Key, MessageID: a.MessageID,
		IncidentID: a.IncidentID, Level: a.Level, At: a.At.UTC(),
		HeldUntil: utcPtr(a.HeldUntil), RaisedAt: utcPtr(a.RaisedAt), ClosedAt: utcPtr(a.ClosedAt), Closed: a.Closed,
	}
	var (
		stored  liveAlertRow
		created bool
	)
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "group_id"}, {Name: "kind"}, {Name: "key"}},
			DoNothing: true,
		}).Create(&row)
		if res.Error != nil {
			return res.Error
		}
		created = res.RowsAffected == 1
		return tx.Where("group_id = ? AND kind = ? AND key = ?", row.GroupID, row.Kind, row.Key).First(&stored).Error
	})
	if err != nil {
		return domain.LiveAlert{}, false, err
	}
	return stored.domain(), created, nil
}

// RaiseLiveAlert records that alert id was raised (notified) at at, and no
// longer held; an alert already raised keeps its first time.
//
// It reports whether this call raised it: of two watches of one group (the
// window's and a `watch` command, or two operators' windows on a server)
// only the one that raised an alert tells about it.
func (s *Store) RaiseLiveAlert(ctx context.Context, id int64, at time.Time) (bool, error) {
	return s.updateLiveAlert(ctx, id, "raised_at IS NULL", map[string]any{"raised_at": at.UTC(), "held_until": nil})
}

// HoldLiveAlert makes alert id wait until until (the end of the group's
// quiet hours).
func (s *Store) HoldLiveAlert(ctx context.Context, id int64, until time.Time) error {
	_, err := s.updateLiveAlert(ctx, id, "", map[string]any{"held_until": until.UTC()})
	return err
}

// CloseLiveAlert closes alert id at at, how (domain.AlertAnswered,
// AlertHandled, AlertDismissed) saying why; a closed alert stays as it was
// closed. Only a dismissal is recorded in the audit log: it is the
// operator's decision, while an answer or a handled incident is recorded
// where it happened.
func (s *Store) CloseLiveAlert(ctx context.Context, id int64, how string, at time.Time) error {
	switch how {
	case domain.AlertAnswered, domain.AlertDismissed, domain.AlertHandled:
	default:
		return domain.Errorf(domain.EINVALID, "live.close_invalid", map[string]any{"value": how})
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var row liveAlertRow
		if err := tx.First(&row, id).Error; err != nil {
			return liveAlertReadError(err, id)
		}
		res := tx.Model(&liveAlertRow{}).Where("id = ? AND closed_at IS NULL", id).
			Updates(map[string]any{"closed_at": at.UTC(), "closed": how})
		if res.Error != nil || res.RowsAffected == 0 || how != domain.AlertDismissed {
			return res.Error
		}
		before := map[string]any{"kind": row.Kind, "key": row.Key, "level": row.Level, "closed": ""}
		after := map[string]any{"kind": row.Kind, "key": row.Key, "level": row.Level, "closed": how}
		return s.audit(tx, "live.alert.dismiss", "live_alert", id, row.GroupID, before, after)
	})
}

// updateLiveAlert sets fields of alert id when cond (SQL, "" for always)
// holds; an alert that does not exist is an error, one cond excludes is not.
func (s *Store) updateLiveAlert(ctx context.Context, id int64, cond string, fields map[string]any) (bool, error) {
	changed := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		q := tx.Model(&liveAlertRow{}).Where("id = ?", id)
		if cond != "" {
			q = q.Where(cond)
		}
		res := q.Updates(fields)
		if res.Error != nil || res.RowsAffected > 0 {
			changed = res.Error == nil
			return res.Error
		}
		var n int64
		if err := tx.Model(&liveAlertRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return liveAlertReadError(gorm.ErrRecordNotFound, id)
		}
		return nil
	})
	return changed, err
}

func liveAlertReadError(err error, id int64) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Errorf(domain.ENOTFOUND, "live.alert_not_found", map[string]any{"id": id})
	}
	return err
}

// LiveFiles returns the files source sourceID's folder watch has read, by
// name.
func (s *Store) LiveFiles(ctx context.Context, sourceID int64) (map[string]domain.LiveFile, error) {
	var rows []liveFileRow
	if err := s.db.WithContext(ctx).Where("source_id = ?", sourceID).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]domain.LiveFile, len(rows))
	for _, r := range rows {
		out[r.Name] = domain.LiveFile{SourceID: r.SourceID, Name: r.Name, Size: r.Size,
			ModTime: time.Unix(0, r.ModTime).UTC(), ImportedAt: r.ImportedAt.UTC(), Error: r.Error}
	}
	return out, nil
}

// RecordLiveFile records that a folder watch read file f.Name (its size
// and time, when, and the import's failure if any), replacing what it
// recorded of the file before.
func (s *Store) RecordLiveFile(ctx context.Context, f domain.LiveFile) error {
	if f.ImportedAt.IsZero() {
		f.ImportedAt = s.clock.Now()
	}
	row := liveFileRow{SourceID: f.SourceID, Name: f.Name, Size: f.Size, ModTime: f.ModTime.UnixNano(),
		ImportedAt: f.ImportedAt.UTC(), Error: f.Error}
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "source_id"}, {Name: "name"}},
			DoUpdates: clause.AssignmentColumns([]string{"size", "mod_time", "imported_at", "error"}),
		}).Create(&row).Error
	})
}
