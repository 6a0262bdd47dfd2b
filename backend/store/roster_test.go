package store

import (
	"context"
	"reflect"
	"testing"

	"qunzhu/backend/domain"
)

// TestRosterMatchesMembers checks that the lean read gives the same
// identity, tier and dates as the full one, and leaves every personal
// field empty.
func TestRosterMatchesMembers(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g := mustGroup(t, s, "名册")
	members, msgs := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Rows: 3}, members, msgs); err != nil {
		t.Fatal(err)
	}
	full, err := s.Members(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := s.Roster(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != len(lean) || len(full) == 0 || full[0].Remark == "" {
		t.Fatalf("members %d, roster %d", len(full), len(lean))
	}
	for i, f := range full {
		want := domain.Member{ID: f.ID, GroupID: f.GroupID, WxID: f.WxID, WeChatID: f.WeChatID, Nickname: f.Nickname,
			GroupNickname: f.GroupNickname, Remark: f.Remark, SeenNames: f.SeenNames, SeenIDs: f.SeenIDs,
			Tier: f.Tier, TierLocked: f.TierLocked, JoinedAt: f.JoinedAt, LeftAt: f.LeftAt, LeftUndated: f.LeftUndated}
		if !reflect.DeepEqual(lean[i], want) {
			t.Errorf("roster %d = %+v\nwant %+v", i, lean[i], want)
		}
		if lean[i].Phone != "" || lean[i].RealName != "" || lean[i].Notes != "" {
			t.Errorf("roster %d carries personal fields", i)
		}
	}
}
