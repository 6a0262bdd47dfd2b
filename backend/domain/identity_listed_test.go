package domain

import (
	"reflect"
	"testing"
)

// TestRosterListedRowsOfOneSheet: rows of one member list are applied in
// order; each says what it did, and a name never matches a member an earlier
// row of the same file already matched or created.
func TestRosterListedRowsOfOneSheet(t *testing.T) {
	wang := []Member{
		{ID: 1, Nickname: "小王", Remark: "小王-北京", Tier: TierNormal},
		{ID: 2, Nickname: "小王", Remark: "小王-上海", Tier: TierNormal},
	}
	type step struct {
		row     Member
		outcome ListedOutcome
		id      int64 // the member's ID before the import; 0 for one created by the import
	}
	tests := []struct {
		name     string
		existing []Member
		rows     []step
		members  int
	}{
		{
			name: "two 小王 without 微信号 are two people",
			rows: []step{
				{Member{Nickname: "小王", Remark: "小王-北京"}, ListedCreated, 0},
				{Member{Nickname: "小王", Remark: "小王-上海"}, ListedCreated, 0},
			},
			members: 2,
		},
		{
			name:     "the same sheet again changes nothing",
			existing: wang,
			rows: []step{
				{Member{Nickname: "小王", Remark: "小王-北京"}, ListedUnchanged, 1},
				{Member{Nickname: "小王", Remark: "小王-上海"}, ListedUnchanged, 2},
			},
			members: 2,
		},
		{
			name:     "the same sheet in the other order changes nothing either",
			existing: wang,
			rows: []step{
				{Member{Nickname: "小王", Remark: "小王-上海"}, ListedUnchanged, 2},
				{Member{Nickname: "小王", Remark: "小王-北京"}, ListedUnchanged, 1},
			},
			members: 2,
		},
		{
			name:     "a member known by nickname is matched once; the next 小王 is someone else",
			existing: []Member{{ID: 1, Nickname: "小王", Tier: TierNormal}},
			rows: []step{
				{Member{Nickname: "小王", Remark: "小王-北京"}, ListedUpdated, 1},
				{Member{Nickname: "小王", Remark: "小王-上海"}, ListedCreated, 0},
				{Member{Nickname: "小王"}, ListedCreated, 0},
			},
			members: 3,
		},
		{
			name:     "a group nickname an earlier row matched is taken",
			existing: []Member{{ID: 1, Nickname: "杰", GroupNickname: "阿杰", Tier: TierNormal}},
			rows: []step{
				{Member{Nickname: "杰"}, ListedUnchanged, 1},
				{Member{GroupNickname: "阿杰", Remark: "二班"}, ListedCreated, 0},
			},
			members: 2,
		},
		{
			name: "rows sharing an id are one person",
			rows: []step{
				{Member{WeChatID: "xiaoli", Nickname: "小李"}, ListedCreated, 0},
				{Member{WeChatID: "xiaoli", Nickname: "小李"}, ListedUnchanged, 0},
				{Member{WeChatID: "xiaoli", Nickname: "小李", Phone: "13800000000"}, ListedUpdated, 0},
			},
			members: 1,
		},
		{
			name: "the same name with another id is another person",
			rows: []step{
				{Member{Nickname: "小李"}, ListedCreated, 0},
				{Member{WeChatID: "xiaoli_2", Nickname: "小李"}, ListedCreated, 0},
				{Member{WeChatID: "xiaoli_3", Nickname: "小李"}, ListedCreated, 0},
			},
			members: 3,
		},
		{
			name:     "an id matches even a member an earlier row took by name",
			existing: []Member{{ID: 1, Nickname: "小李", WeChatID: "xiaoli", Tier: TierNormal}},
			rows: []step{
				{Member{Nickname: "小李", Remark: "新朋友"}, ListedUpdated, 1},
				{Member{WeChatID: "xiaoli", Nickname: "小李"}, ListedUnchanged, 1},
			},
			members: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRoster(tc.existing)
			for n, s := range tc.rows {
				i, outcome := r.Listed(s.row)
				if outcome != s.outcome || r.Members[i].ID != s.id {
					t.Errorf("row %d: outcome %d on member ID %d, want %d on ID %d", n+1, outcome, r.Members[i].ID, s.outcome, s.id)
				}
			}
			if len(r.Members) != tc.members {
				t.Errorf("%d members, want %d", len(r.Members), tc.members)
			}
		})
	}
}

// TestRosterListedOutcomesMatchChanged: a sheet whose rows all changed
// nothing leaves nothing to save, and each created or updated row is among
// the changes.
func TestRosterListedOutcomesMatchChanged(t *testing.T) {
	r := NewRoster([]Member{{ID: 1, Nickname: "甲", Tier: TierNormal}, {ID: 2, Nickname: "乙", Tier: TierNormal}})
	var got []ListedOutcome
	for _, row := range []Member{{Nickname: "甲"}, {Nickname: "乙", Phone: "13800000000"}, {Nickname: "丙"}} {
		_, o := r.Listed(row)
		got = append(got, o)
	}
	if want := []ListedOutcome{ListedUnchanged, ListedUpdated, ListedCreated}; !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes %v, want %v", got, want)
	}
	if changed := r.Changed(); !reflect.DeepEqual(changed, []int{1, 2}) {
		t.Errorf("changed = %v, want [1 2]", changed)
	}
}
