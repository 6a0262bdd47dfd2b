package cli

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/store"
)

// TestPointsIncludeShares: `points --json` adds +20 for a theme share 赵敏
// presented once it is marked posted; `members` shows the same balance.
func TestPointsIncludeShares(t *testing.T) {
	tests := []struct {
		name   string
		status content.Status
		want   float64 // 赵敏's balance: 5 from check-ins
	}{
		{name: "posted share", status: content.Posted, want: 25},
		{name: "planned share", status: content.Planned, want: 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := loadSampleWeek(t)
			ctx := context.Background()
			st, err := store.Open(db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			g, _ := st.GroupByName(ctx, "读书打卡交流群")
			ms, _ := st.Members(ctx, g.ID)
			var zhao int64
			for _, m := range ms {
				if m.DisplayName() == "赵敏" {
					zhao = m.ID
				}
			}
			at := time.Date(2024, 3, 7, 12, 0, 0, 0, time.UTC)
			if _, err := st.CreateContentItems(ctx, []content.Item{{GroupID: g.ID, Type: content.Tutorial, Format: content.Share,
				Title: "读书方法", ScheduledAt: at, Status: tc.status, PresenterID: &zhao}}); err != nil {
				t.Fatal(err)
			}
			st.Close()

			_, out, errs := runCLI(t, db, "points", "--group", "读书打卡交流群", "--json")
			var ps []map[string]any
			if err := json.Unmarshal([]byte(out), &ps); err != nil {
				t.Fatalf("%v: %s", err, errs)
			}
			balance := map[string]float64{}
			for _, p := range ps {
				balance[p["name"].(string)] = p["balance"].(float64)
			}
			if balance["赵敏"] != tc.want || balance["陈晓雨"] != 15 {
				t.Errorf("points = %v, want 赵敏 %v and 陈晓雨 15", ps, tc.want)
			}
			_, out, _ = runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
			var members []map[string]any
			_ = json.Unmarshal([]byte(out), &members)
			for _, m := range members {
				if m["name"] == "赵敏" && m["points"] != tc.want {
					t.Errorf("members: 赵敏 has %v points, want %v", m["points"], tc.want)
				}
			}
		})
	}
}
