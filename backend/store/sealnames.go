package store

import (
	"encoding/json"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Names and extra columns sealed (schema 23). A remark (备注) is the name the
// workspace's owner gave a person, and chat exports show it as the sender's
// display name: it reached the file in clear through the names seen on a
// member and through every message's sender name. And a member sheet's
// unrecognised columns (身份证号, 紧急联系电话…) may hold anything. So:
//
//   - members: seen_names, seen_displays and extra are sealed into
//     seen_names_enc, seen_displays_enc and extra_enc (one blob each, the
//     JSON sealed; absent when empty), the plaintext columns kept at their
//     empty defaults. Nothing searches them in SQL: identity is matched in
//     memory after loading, so no keyed hash is needed;
//   - messages: each distinct display name of a group is sealed once into
//     sender_names (sendernames.go) and a message refers to it by a small
//     per-group number, sender_ref. A dictionary rather than a sealed copy
//     per message keeps a row smaller than the name itself was (a sealed
//     value carries 29 bytes of nonce and tag) and seals each name once per
//     import instead of once per message; counting distinct senders by
//     name stays a count of distinct numbers;
//   - highlights: the copy of the sender's name is sealed in place
//     (sender_name_enc), a highlight being a copy that outlives its message;
//   - incidents: the summary, which for one opened from a hit names the
//     sender as the chat showed them, is sealed like the notes (summary_enc);
//   - the undo copies (member snapshots, messages a merge set aside) hold
//     the sealed forms only.
//
// Migrations have no key: Open seals what is stored in clear right after
// migrating (sealNames), once.

// sealMemberNames seals m's seen names, seen displays and extra columns
// into row, leaving the plaintext columns at their empty defaults. An empty
// list or map seals to nothing.
func (s *Store) sealMemberNames(row *memberRow, names, displays []string, extra map[string]string) error {
	row.SeenNames, row.SeenDisplays, row.Extra = "[]", "[]", "{}"
	var err error
	seal := func(v string, empty bool) []byte {
		if err != nil || empty {
			return nil
		}
		var b []byte
		b, err = s.box.Seal(v)
		return b
	}
	row.SeenNamesEnc = seal(encodeJSON(names), len(names) == 0)
	row.SeenDisplaysEnc = seal(encodeJSON(displays), len(displays) == 0)
	row.ExtraEnc = seal(encodeJSON(extra), len(extra) == 0)
	return err
}

// openMemberNames reads back what sealMemberNames sealed; a row not sealed
// yet (before schema 23, until Open seals it) gives its plaintext columns.
func (s *Store) openMemberNames(r memberRow) (names, displays []string, extra map[string]string, err error) {
	names, displays = decodeStrings(r.SeenNames), decodeStrings(r.SeenDisplays)
	_ = json.Unmarshal([]byte(r.Extra), &extra)
	if names, err = s.openStrings(r.SeenNamesEnc, names); err != nil {
		return nil, nil, nil, err
	}
	if displays, err = s.openStrings(r.SeenDisplaysEnc, displays); err != nil {
		return nil, nil, nil, err
	}
	if len(r.ExtraEnc) > 0 {
		plain, err := s.box.Open(r.ExtraEnc)
		if err != nil {
			return nil, nil, nil, err
		}
		extra = nil
		_ = json.Unmarshal([]byte(plain), &extra)
	}
	if extra == nil {
		extra = map[string]string{}
	}
	return names, displays, extra, nil
}

// openStrings opens a sealed JSON list, or gives plain when nothing is sealed.
func (s *Store) openStrings(enc []byte, plain []string) ([]string, error) {
	if len(enc) == 0 {
		return plain, nil
	}
	text, err := s.box.Open(enc)
	if err != nil {
		return nil, err
	}
	return decodeStrings(text), nil
}

// plainNames reports whether r still holds names or extra columns in clear.
func plainNames(r memberRow) bool {
	return (r.SeenNames != "" && r.SeenNames != "[]") || (r.SeenDisplays != "" && r.SeenDisplays != "[]") || (r.Extra != "" && r.Extra != "{}")
}

// resealMember moves r's plaintext names and extra columns into their
// sealed columns; a column sealed already (a row both sealed and, through
// an old undo, given plaintext again) keeps its sealed value.
func (s *Store) resealMember(r *memberRow) error {
	names, displays, extra, err := s.openMemberNames(*r)
	if err != nil {
		return err
	}
	return s.sealMemberNames(r, names, displays, extra)
}

// sealedNamesDone is the setting that says sealNames has run.
const sealedNamesDone = "names_sealed"

// sealNames seals what a workspace from before schema 23 holds in clear:
// members' seen names, seen displays and extra columns, the same inside the
// member snapshots kept for undo, messages' sender names (into
// sender_names), those of messages a merge set aside, highlights' sender
// names and incidents' summaries. It runs once (a setting remembers it) in one transaction,
// after sealChatNumbers, whose re-keying reads the sender names. A new,
// empty workspace is left without a write (see nothingToSeal): its first
// import of messages writes the setting (ImportTx.Commit), sparing the next
// start a look through every message.
func (s *Store) sealNames() error {
	if v, err := schemaVersionOf(s.db); err != nil || v < 23 {
		return err // stopped below 23 (tests of the upgrade path)
	}
	if done, err := s.hasSetting(s.db, sealedNamesDone); err != nil || done {
		return err
	}
	if empty, err := s.nothingStored(); err != nil || empty {
		return err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if s.IsServer() {
			// Imports into a group add to its names: they and another
			// client sealing at the same start wait for this one.
			if err := tx.Exec("SELECT pg_advisory_xact_lock(id) FROM (SELECT id FROM chat_groups ORDER BY id) g").Error; err != nil {
				return err
			}
			if done, err := s.hasSetting(tx, sealedNamesDone); err != nil || done {
				return err
			}
		} else if err := tx.Exec("PRAGMA secure_delete = ON").Error; err != nil {
			// The names rewritten must not linger in the freed space of their pages.
			return err
		}
		for _, step := range []func(*gorm.DB) error{s.sealMemberRows, s.sealMemberSnapshots, s.sealSenderNames, s.sealUndoSenders, s.sealHighlightNames, s.sealIncidentSummaries} {
			if err := step(tx); err != nil {
				return err
			}
		}
		return markNamesSealed(tx)
	})
	if err != nil || s.IsServer() {
		return err
	}
	// And not in the write-ahead log: its pages go into the file, and it is emptied.
	return s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
}

// markNamesSealed records that sealNames has nothing left to do, unless
// recorded already.
func markNamesSealed(tx *gorm.DB) error {
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&settingRow{Key: sealedNamesDone, Value: "1"}).Error
}

func (s *Store) hasSetting(db *gorm.DB, key string) (bool, error) {
	var n int64
	err := db.Model(&settingRow{}).Where("key = ?", key).Count(&n).Error
	return n > 0, err
}

// nothingStored reports, reading only, that the workspace holds no member,
// message, highlight, undo copy or incident: a new workspace, which opens without a
// write transaction (see nothingToSeal) and without the setting (moving
// into it requires it empty).
func (s *Store) nothingStored() (bool, error) {
	for _, model := range []any{&memberRow{}, &messageRow{}, &highlightRow{}, &batchUndoRow{}, &batchMemberChangeRow{}, &incidentRow{}} {
		var ids []int64
		if err := s.db.Model(model).Limit(1).Pluck("id", &ids).Error; err != nil || len(ids) > 0 {
			return false, err
		}
	}
	return true, nil
}

// sealMemberRows seals the members' plaintext names and extra columns.
func (s *Store) sealMemberRows(tx *gorm.DB) error {
	var rows []memberRow
	if err := tx.Select("id", "seen_names", "seen_displays", "extra", "seen_names_enc", "seen_displays_enc", "extra_enc").
		Where("seen_names NOT IN ('', '[]') OR seen_displays NOT IN ('', '[]') OR extra NOT IN ('', '{}')").Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		if err := s.resealMember(&r); err != nil {
			return err
		}
		// UpdateColumns: no updated_at or version bump, the member did not change.
		if err := tx.Model(&memberRow{}).Where("id = ?", r.ID).UpdateColumns(map[string]any{
			"seen_names": r.SeenNames, "seen_displays": r.SeenDisplays, "extra": r.Extra,
			"seen_names_enc": r.SeenNamesEnc, "seen_displays_enc": r.SeenDisplaysEnc, "extra_enc": r.ExtraEnc,
		}).Error; err != nil {
			return err
		}
	}
	return nil
}

// sealMemberSnapshots does the same inside the member snapshots kept for
// undo (memberRow JSON), so undoing an import puts back sealed values.
func (s *Store) sealMemberSnapshots(tx *gorm.DB) error {
	var ids []int64
	if err := tx.Model(&batchMemberChangeRow{}).Where(`"before" <> ''`).Order("id").Pluck("id", &ids).Error; err != nil {
		return err
	}
	for start := 0; start < len(ids); start += 500 {
		var changes []batchMemberChangeRow
		if err := tx.Where("id IN ?", ids[start:min(start+500, len(ids))]).Find(&changes).Error; err != nil {
			return err
		}
		if err := rewriteSnapshots(tx, changes, plainNames, s.resealMember); err != nil {
			return err
		}
	}
	return nil
}

// rewriteSnapshots rewrites each member snapshot kept for undo (memberRow
// JSON) for which needs holds, through fix: how personal fields stored in
// clear by an older build are sealed inside the snapshots too, so undoing
// an import never puts them back in clear.
func rewriteSnapshots(tx *gorm.DB, changes []batchMemberChangeRow, needs func(memberRow) bool, fix func(*memberRow) error) error {
	for _, c := range changes {
		var row memberRow
		if json.Unmarshal([]byte(c.Before), &row) != nil || !needs(row) {
			continue
		}
		if err := fix(&row); err != nil {
			return err
		}
		b, err := json.Marshal(row)
		if err != nil {
			return err
		}
		if err := tx.Model(&batchMemberChangeRow{}).Where("id = ?", c.ID).UpdateColumn("before", string(b)).Error; err != nil {
			return err
		}
	}
	return nil
}

// sealSenderNames moves the messages' sender names into sender_names: each
// distinct name of a group gets its number (sealed once), then one pass
// over the messages sets the numbers and empties the names, joining on a
// temporary table of the names (in memory on SQLite, whose temporary
// storage the workspace keeps there; dropped at commit on PostgreSQL).
func (s *Store) sealSenderNames(tx *gorm.DB) error {
	var pairs []struct {
		GroupID    int64
		SenderName string
	}
	if err := tx.Model(&messageRow{}).Distinct("group_id", "sender_name").Where("sender_name <> ''").Scan(&pairs).Error; err != nil {
		return err
	}
	if len(pairs) == 0 {
		return nil
	}
	dicts := map[int64]*senderDict{}
	type mapping struct {
		group int64
		name  string
		ref   int64
	}
	maps := make([]mapping, 0, len(pairs))
	for _, p := range pairs {
		d := dicts[p.GroupID]
		if d == nil {
			d = &senderDict{group: p.GroupID, server: s.IsServer(), box: s.box}
			if err := d.load(tx); err != nil {
				return err
			}
			dicts[p.GroupID] = d
		}
		ref, err := d.resolve(p.SenderName)
		if err != nil {
			return err
		}
		maps = append(maps, mapping{p.GroupID, p.SenderName, ref})
	}
	for _, d := range dicts {
		if err := d.store(tx); err != nil {
			return err
		}
	}
	create := "CREATE TEMP TABLE seal_senders (group_id INTEGER NOT NULL, name TEXT NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (group_id, name))"
	// OR IGNORE: a statement no row can abort keeps no statement journal,
	// which here would be a copy of the whole table in memory (temporary
	// storage is memory). No row is ignored: the table holds every pair
	// this transaction read, so the subquery finds a number for each.
	update := `UPDATE OR IGNORE messages SET sender_ref = (SELECT s.ref FROM temp.seal_senders s WHERE s.group_id = messages.group_id AND s.name = messages.sender_name),
		sender_name = '' WHERE sender_name <> ''`
	drop := "DROP TABLE temp.seal_senders"
	if s.IsServer() {
		create = "CREATE TEMP TABLE seal_senders (group_id BIGINT NOT NULL, name TEXT NOT NULL, ref BIGINT NOT NULL, PRIMARY KEY (group_id, name)) ON COMMIT DROP"
		update = `UPDATE messages SET sender_ref = s.ref, sender_name = '' FROM seal_senders s
		WHERE messages.group_id = s.group_id AND messages.sender_name = s.name`
		drop = "ANALYZE seal_senders" // dropped at commit; its size guides the join
	}
	if err := tx.Exec(create).Error; err != nil {
		return err
	}
	for start := 0; start < len(maps); start += 300 {
		chunk := maps[start:min(start+300, len(maps))]
		args := make([]any, 0, 3*len(chunk))
		for _, m := range chunk {
			args = append(args, m.group, m.name, m.ref)
		}
		q := "INSERT INTO seal_senders (group_id, name, ref) VALUES (?, ?, ?)" + strings.Repeat(", (?, ?, ?)", len(chunk)-1)
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	if s.IsServer() {
		if err := tx.Exec(drop).Error; err != nil {
			return err
		}
		if err := tx.Exec(update).Error; err != nil {
			return err
		}
	} else {
		if err := tx.Exec(update).Error; err != nil {
			return err
		}
		if err := tx.Exec(drop).Error; err != nil {
			return err
		}
	}
	// The member-day rollup keeps the names by number (schema 26): it was
	// counted while the messages had none.
	for group := range dicts {
		var row groupRow
		if err := tx.First(&row, group).Error; err != nil {
			return err
		}
		if err := rebuildMemberDays(tx, row.domain()); err != nil {
			return err
		}
	}
	return nil
}

// sealUndoSenders gives the messages a merge set aside for its undo
// (messageRow JSON) their sender's number instead of the name.
func (s *Store) sealUndoSenders(tx *gorm.DB) error {
	var rows []batchUndoRow
	if err := tx.Where("tbl = ? AND action = ?", "messages", undoRemoved).Find(&rows).Error; err != nil {
		return err
	}
	dicts := map[int64]*senderDict{}
	for _, u := range rows {
		var m messageRow
		if json.Unmarshal([]byte(u.Row), &m) != nil || m.SenderName == "" {
			continue
		}
		d := dicts[m.GroupID]
		if d == nil {
			d = &senderDict{group: m.GroupID, server: s.IsServer(), box: s.box}
			if err := d.load(tx); err != nil {
				return err
			}
			dicts[m.GroupID] = d
		}
		ref, err := d.resolve(m.SenderName)
		if err != nil {
			return err
		}
		m.SenderRef, m.SenderName = ref, ""
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := tx.Model(&batchUndoRow{}).Where("id = ?", u.ID).UpdateColumn("row", string(b)).Error; err != nil {
			return err
		}
	}
	for _, d := range dicts {
		if err := d.store(tx); err != nil {
			return err
		}
	}
	return nil
}

// sealHighlightNames seals the sender names copied into highlights.
func (s *Store) sealHighlightNames(tx *gorm.DB) error {
	var rows []highlightRow
	if err := tx.Select("id", "sender_name").Where("sender_name <> ''").Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		enc, err := s.box.Seal(r.SenderName)
		if err != nil {
			return err
		}
		if err := tx.Model(&highlightRow{}).Where("id = ?", r.ID).
			UpdateColumns(map[string]any{"sender_name_enc": enc, "sender_name": ""}).Error; err != nil {
			return err
		}
	}
	return nil
}

// sealIncidentSummaries seals the incidents' summaries.
func (s *Store) sealIncidentSummaries(tx *gorm.DB) error {
	var rows []incidentRow
	if err := tx.Select("id", "summary").Where("summary <> ''").Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		enc, err := s.box.Seal(r.Summary)
		if err != nil {
			return err
		}
		// UpdateColumns: no updated_at or version bump, the incident did not change.
		if err := tx.Model(&incidentRow{}).Where("id = ?", r.ID).
			UpdateColumns(map[string]any{"summary_enc": enc, "summary": ""}).Error; err != nil {
			return err
		}
	}
	return nil
}
