package store

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func TestUpdateMember(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers},
		[]domain.Member{{WxID: "wxid_a", Nickname: "陈晓雨", Tier: domain.TierNormal}}, nil); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(ctx, g.ID)
	m := ms[0]
	const notes = "电话回访：想做读书会志愿者"
	got, err := s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: m.ID, Version: m.Version, Tier: domain.TierCore,
		Tags: []string{" 志愿者 ", "志愿者", "上海"}, Notes: notes, Week: "2024-W10"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Tier != domain.TierCore || !got.TierLocked || got.Notes != notes || len(got.Tags) != 2 || got.Version != m.Version+1 {
		t.Errorf("after a manual tier change: %+v", got)
	}
	// The notes are sealed at rest: the plaintext is nowhere in the row.
	var row memberRow
	s.db.First(&row, m.ID)
	if bytes.Contains(row.NotesEnc, []byte("志愿者")) || len(row.NotesEnc) == 0 {
		t.Errorf("notes stored in clear: %q", row.NotesEnc)
	}
	evs, err := s.MemberEvents(ctx, g.ID, m.ID)
	if err != nil || len(evs) != 1 || evs[0].From != "normal" || evs[0].To != "core" || evs[0].Source != domain.TierSourceManual || evs[0].Week != "2024-W10" {
		t.Errorf("events = %+v, %v", evs, err)
	}

	// A save on the old version is refused with a conflict, and changes nothing.
	_, err = s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: m.ID, Version: m.Version, Tier: domain.TierNormal})
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.ECONFLICT || de.Key != "member.stale" {
		t.Fatalf("stale save: %v", err)
	}
	if again, _ := s.Member(ctx, g.ID, m.ID); again.Tier != domain.TierCore {
		t.Errorf("a refused save changed the member: %+v", again)
	}

	// Accepting a suggestion changes the tier without locking it; unlocking is an edit of its own.
	got, err = s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: m.ID, Version: got.Version, Tier: domain.TierCore, TierLocked: false, Notes: notes})
	if err != nil || got.TierLocked {
		t.Fatalf("unlock: %+v, %v", got, err)
	}
	got, err = s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: m.ID, Version: got.Version, Tier: domain.TierNormal, Source: domain.TierSourceSuggestion})
	if err != nil || got.TierLocked || got.Tier != domain.TierNormal {
		t.Fatalf("accepting a suggestion: %+v, %v", got, err)
	}
	if evs, _ := s.MemberEvents(ctx, g.ID, m.ID); len(evs) != 2 || evs[1].Source != domain.TierSourceSuggestion {
		t.Errorf("events = %+v", evs)
	}

	for _, tt := range []struct {
		edit domain.MemberEdit
		key  string
	}{
		{domain.MemberEdit{Tier: "boss"}, "member.bad_tier"},
		{domain.MemberEdit{Tier: domain.TierCore, Notes: string(bytes.Repeat([]byte("字"), 2001))}, "member.notes_too_long"},
		{domain.MemberEdit{Tier: domain.TierCore, Tags: []string{string(bytes.Repeat([]byte("长"), 33))}}, "member.bad_tag"},
		{domain.MemberEdit{Tier: domain.TierCore, MemberID: 999}, "member.not_found"},
	} {
		e := tt.edit
		e.GroupID = g.ID
		if e.MemberID == 0 {
			e.MemberID = m.ID
		}
		e.Version = got.Version
		if _, err := s.UpdateMember(ctx, e); !errors.As(err, &de) || de.Key != tt.key {
			t.Errorf("%+v: err %v, want %s", tt.edit, err, tt.key)
		}
	}
}

func TestDismissals(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_a", Nickname: "甲"}}, nil)
	ms, _ := s.Members(ctx, g.ID)
	for i := 0; i < 2; i++ { // twice: dismissing again is harmless
		if err := s.DismissTierSuggestion(ctx, g.ID, ms[0].ID, "2024-W10", domain.TierCore); err != nil {
			t.Fatal(err)
		}
		if err := s.DismissViolation(ctx, g.ID, "ads:1:1709538441"); err != nil {
			t.Fatal(err)
		}
	}
	d, err := s.TierDismissals(ctx, g.ID, "2024-W10")
	if err != nil || !d[ms[0].ID][domain.TierCore] {
		t.Errorf("dismissals = %v, %v", d, err)
	}
	if d, _ := s.TierDismissals(ctx, g.ID, "2024-W11"); len(d) != 0 {
		t.Errorf("a dismissal leaked into the next week: %v", d)
	}
	if v, err := s.DismissedViolations(ctx, g.ID); err != nil || !v["ads:1:1709538441"] || len(v) != 1 {
		t.Errorf("dismissed violations = %v, %v", v, err)
	}
	// A later decision replaces the earlier one: warning confirms the strike.
	if err := s.ReviewViolation(ctx, g.ID, "ads:1:1709538441", domain.ReviewWarned); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.DismissedViolations(ctx, g.ID); len(v) != 0 {
		t.Errorf("a warned violation still dismissed: %v", v)
	}
	if r, _ := s.ViolationReviews(ctx, g.ID); r["ads:1:1709538441"] != domain.ReviewWarned {
		t.Errorf("reviews = %v", r)
	}
	if err := s.ReviewViolation(ctx, g.ID, "x", "ignore"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad decision: %v", err)
	}
}

func TestMarkRemoved(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t) // the clock stands at t0
	g := mustGroup(t, s, "读书会")
	joined := t0.AddDate(0, -1, 0)
	s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_a", Nickname: "甲", JoinedAt: &joined}}, nil)
	ms, _ := s.Members(ctx, g.ID)
	m := ms[0]
	var de *domain.Error
	for _, tt := range []struct {
		at  time.Time
		key string
	}{{t0.Add(time.Hour), "member.removed_in_future"}, {joined.Add(-time.Hour), "member.removed_before_join"}} {
		if _, err := s.MarkRemoved(ctx, g.ID, m.ID, m.Version, tt.at); !errors.As(err, &de) || de.Key != tt.key {
			t.Errorf("at %v: %v, want %s", tt.at, err, tt.key)
		}
	}
	at := t0.Add(-2 * time.Hour)
	got, err := s.MarkRemoved(ctx, g.ID, m.ID, m.Version, at)
	if err != nil || got.LeftAt == nil || !got.LeftAt.Equal(at) || got.PresentAt(t0) || !got.PresentAt(at.Add(-time.Second)) {
		t.Fatalf("removed: %+v, %v", got, err)
	}
	if evs, _ := s.MemberEvents(ctx, g.ID, m.ID); len(evs) != 1 || evs[0].Kind != domain.EventRemoved {
		t.Errorf("events = %+v", evs)
	}
	if _, err := s.MarkRemoved(ctx, g.ID, m.ID, m.Version, at); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale removal: %v", err)
	}
}
