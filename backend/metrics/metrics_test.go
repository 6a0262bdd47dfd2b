package metrics

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"sort"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/store/storetest"
)

const samples = "../importer/testdata/"

// sampleInput imports the public samples into a fresh store, the way
// samples/expected/README.md describes, and builds week w's input from it.
func sampleInput(t *testing.T, memberList string, week string) (Input, Week, []domain.Message) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, g.ID, samples+memberList, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Chat(ctx, st, g.ID, samples+"memotrace_group_chat_utf8.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	w, err := ParseWeek(week, g.Location())
	if err != nil {
		t.Fatal(err)
	}
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	from, to := Window(w, nil)
	msgs, err := st.Messages(ctx, g.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	earliest, err := st.EarliestMessage(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Messages(ctx, g.ID, w.Start.AddDate(-10, 0, 0), w.End.AddDate(10, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return Input{Group: g, Members: members, Messages: msgs, Earliest: earliest}, w, all
}

// ratioKeys are compared within 1e-6; every other number exactly.
var ratioKeys = map[string]bool{"messages_per_day": true, "active_rate": true, "churn_rate": true,
	"next_day_retention": true, "prime_time_ratio": true, "link_click_rate": true, "mute_rate": true}

func TestSampleWeekMatchesExpected(t *testing.T) {
	raw, err := os.ReadFile("testdata/memotrace_group_chat_2024-W10.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{"member_list_excel_utf8_bom.csv", "member_list_excel_gbk.csv"} {
		t.Run(list, func(t *testing.T) {
			in, w, all := sampleInput(t, list, "2024-W10")
			got := asJSON(t, Compute(in, w))
			for key, wv := range want {
				if key == "points" {
					continue
				}
				gv, ok := got[key]
				if !ok {
					t.Errorf("%s: missing from the output", key)
					continue
				}
				switch key {
				case "inactive_members":
					if !sameMultiset(wv, gv) {
						t.Errorf("inactive_members = %v, want %v", gv, wv)
					}
				case "checks":
					compareChecks(t, gv, wv)
				default:
					if !sameValue(key, gv, wv) {
						t.Errorf("%s = %v, want %v", key, gv, wv)
					}
				}
			}
			wantPoints := map[string]int{}
			for name, v := range want["points"].(map[string]any) {
				wantPoints[name] = int(v.(float64))
			}
			var gotPoints, wantList []string
			for _, b := range Balances(Points(in.Group, in.Members, all)) {
				gotPoints = append(gotPoints, b.Name+"="+itoa(b.Balance))
			}
			for name, v := range wantPoints {
				wantList = append(wantList, name+"="+itoa(v))
			}
			sort.Strings(gotPoints)
			sort.Strings(wantList)
			if !reflect.DeepEqual(gotPoints, wantList) {
				t.Errorf("points = %v, want %v", gotPoints, wantList)
			}
		})
	}
}

func TestSampleViolationsNameTheSpammer(t *testing.T) {
	in, w, _ := sampleInput(t, "member_list_excel_utf8_bom.csv", "2024-W10")
	got := Violations(in, w)
	if len(got) != 1 || got[0].Rule != RuleAds || got[0].Name != "推广小助手" || got[0].MemberID == nil {
		t.Fatalf("violations = %+v, want one ad by 推广小助手", got)
	}
	if s := got[0].At.Format("2006-01-02T15:04:05Z07:00"); s != "2024-03-04T15:47:21+08:00" {
		t.Errorf("at = %s", s)
	}
}

func asJSON(t *testing.T, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameValue(key string, got, want any) bool {
	g, gok := got.(float64)
	w, wok := want.(float64)
	if gok && wok {
		if ratioKeys[key] {
			return math.Abs(g-w) <= 1e-6
		}
		return g == w
	}
	return reflect.DeepEqual(got, want)
}

func sameMultiset(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	strs := func(v any) []string {
		var out []string
		for _, s := range v.([]any) {
			out = append(out, s.(string))
		}
		sort.Strings(out)
		return out
	}
	return reflect.DeepEqual(strs(a), strs(b))
}

// compareChecks compares what a check decides; the threshold and advice
// wording is informative but ours follows the seed, so it is compared too.
func compareChecks(t *testing.T, got, want any) {
	t.Helper()
	g, w := got.([]any), want.([]any)
	if len(g) != len(w) {
		t.Fatalf("checks: %d, want %d", len(g), len(w))
	}
	for i := range w {
		gc, wc := g[i].(map[string]any), w[i].(map[string]any)
		for _, k := range []string{"name", "applicable", "passed", "value", "advice"} {
			if !reflect.DeepEqual(gc[k], wc[k]) {
				t.Errorf("checks[%d].%s = %v, want %v", i, k, gc[k], wc[k])
			}
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
