package metrics

import (
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// TestShareEntries: a theme share marked posted earns its presenter +20 at
// its scheduled time (local day in the group's zone); nothing else does.
func TestShareEntries(t *testing.T) {
	g := domain.Group{ID: 1, TimeZone: "Asia/Shanghai"}
	members := []domain.Member{{ID: 7, Nickname: "赵敏"}, {ID: 8, Nickname: "王大力"}}
	at := time.Date(2024, 3, 5, 17, 30, 0, 0, time.UTC) // 01:30 on the 6th in Shanghai
	id := func(v int64) *int64 { return &v }
	share := func(status content.Status, presenter *int64) content.Item {
		return content.Item{ID: 1, GroupID: 1, Type: content.Tutorial, Format: content.Share, ScheduledAt: at, Status: status, PresenterID: presenter}
	}
	post := share(content.Posted, id(7))
	post.Format = content.Post
	tests := []struct {
		name  string
		items []content.Item
		want  map[string]int // points by name
	}{
		{name: "posted share with presenter", items: []content.Item{share(content.Posted, id(7))}, want: map[string]int{"赵敏": 20}},
		{name: "planned share", items: []content.Item{share(content.Planned, id(7))}, want: map[string]int{}},
		{name: "skipped share", items: []content.Item{share(content.Skipped, id(7))}, want: map[string]int{}},
		{name: "posted share without presenter", items: []content.Item{share(content.Posted, nil)}, want: map[string]int{}},
		{name: "presenter not among the members", items: []content.Item{share(content.Posted, id(99))}, want: map[string]int{}},
		{name: "a posted item of another format", items: []content.Item{post}, want: map[string]int{}},
		{name: "two shares, two presenters", items: []content.Item{share(content.Posted, id(7)), share(content.Posted, id(8)), share(content.Posted, id(7))},
			want: map[string]int{"赵敏": 40, "王大力": 20}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			entries := ShareEntries(g, members, tc.items)
			got := map[string]int{}
			for _, b := range Balances(entries) {
				got[b.Name] = b.Balance
			}
			if len(got) != len(tc.want) {
				t.Fatalf("balances %v, want %v", got, tc.want)
			}
			for name, p := range tc.want {
				if got[name] != p {
					t.Errorf("%s: %d points, want %d", name, got[name], p)
				}
			}
			for _, e := range entries {
				if e.Reason != "share" || e.Points != SharePoints || e.Day != "2024-03-06" || !e.At.Equal(at) {
					t.Errorf("entry %+v: want a +%d share on 2024-03-06 at the share's time", e, SharePoints)
				}
			}
		})
	}
}
