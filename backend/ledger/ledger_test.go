package ledger

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

const samples = "../importer/testdata/"

func sampleLedger(t *testing.T) (*store.Store, *Ledger) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, g.ID, samples+"member_list_excel_utf8_bom.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Chat(ctx, st, g.ID, samples+"memotrace_group_chat_utf8.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	w, _ := metrics.ParseWeek("2024-W10", g.Location())
	l, err := Load(ctx, st, g, w)
	if err != nil {
		t.Fatal(err)
	}
	return st, l
}

func byName(l *Ledger, name string) Row {
	for _, r := range l.Rows {
		if r.Name == name {
			return r
		}
	}
	return Row{}
}

// TestSampleLedger checks the figures of samples/expected: check-in points,
// check-in days, the one strike, and what dismissing changes.
func TestSampleLedger(t *testing.T) {
	st, l := sampleLedger(t)
	want := map[string]int{"Amy Chen": 15, "wxid_zym123demo": 5, "孙悟净": 5, "王大力": 10, "赵敏": 5, "陈晓雨": 15}
	for _, r := range l.Rows {
		if r.Points != want[r.Name] || r.CheckinDays*5 != r.Points {
			t.Errorf("%s: points %d, check-in days %d; want %d points", r.Name, r.Points, r.CheckinDays, want[r.Name])
		}
	}
	spam := byName(l, "推广小助手")
	if spam.Strikes != 1 || spam.Present {
		t.Errorf("推广小助手 = %+v", spam)
	}
	if l.Present != 10 || l.InactiveMeasurable {
		t.Errorf("present %d, measurable %v", l.Present, l.InactiveMeasurable)
	}

	// Dismissing the ad removes the strike; dismissing a suggestion hides it for that week only.
	ctx := context.Background()
	v := l.Strikes[spam.Member.ID].Live
	if err := st.DismissViolation(ctx, l.Group.ID, metrics.ViolationKey(v[0])); err != nil {
		t.Fatal(err)
	}
	top := l.Suggestions[0]
	if err := st.DismissTierSuggestion(ctx, l.Group.ID, top.MemberID, "2024-W10", top.To); err != nil {
		t.Fatal(err)
	}
	again, err := Load(ctx, st, l.Group, l.Week)
	if err != nil {
		t.Fatal(err)
	}
	if byName(again, "推广小助手").Strikes != 0 {
		t.Error("a dismissed violation still strikes")
	}
	if len(again.Suggestions) != len(l.Suggestions)-1 || again.Suggestions[0].MemberID == top.MemberID {
		t.Errorf("suggestions after dismissing %s: %+v", top.Name, again.Suggestions)
	}
}

// TestExportNeutralisesFormulas writes a ledger whose nickname and tag are
// formulas and reads both files back the way a spreadsheet would.
func TestExportNeutralisesFormulas(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	joined := time.Date(2024, 3, 1, 9, 30, 0, 0, loc)
	rows := []Row{{Name: "=HYPERLINK(\"http://evil\",\"点我\")", Present: true, Messages28d: 12, Points: -5, Strikes: 1,
		Member: domain.Member{WxID: "wxid_a", WeChatID: "@boss", Tier: domain.TierCore, JoinedAt: &joined, Tags: []string{"+VIP", "上海"}}}}
	table := Table(rows, loc, false, "zh")

	var buf bytes.Buffer
	if err := Write(&buf, FormatCSV, table, "zh"); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
		t.Error("the CSV lacks the byte-order mark Excel needs for Chinese")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("csv: %v, %v", recs, err)
	}
	if recs[0][0] != "成员" || recs[0][11] != "记过" {
		t.Errorf("header = %v", recs[0])
	}
	got := recs[1]
	if got[0] != "'=HYPERLINK(\"http://evil\",\"点我\")" || got[1] != "'@boss / wxid_a" || got[13] != "'+VIP、上海" {
		t.Errorf("formula cells not neutralised: %q", got)
	}
	if got[2] != "核心成员" || got[5] != "2024-03-01 09:30" || got[7] != "从未发言" || got[8] != "12" || got[10] != "-5" || got[12] != "未测量" {
		t.Errorf("row = %q", got)
	}

	buf.Reset()
	if err := Write(&buf, FormatXLSX, table, "en"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Member ledger" {
		t.Errorf("sheet = %q", sheet)
	}
	if v, _ := f.GetCellValue(sheet, "A2"); v != "'=HYPERLINK(\"http://evil\",\"点我\")" {
		t.Errorf("A2 = %q", v)
	}
	if formula, _ := f.GetCellFormula(sheet, "A2"); formula != "" {
		t.Errorf("A2 became a formula: %q", formula)
	}
	if typ, _ := f.GetCellType(sheet, "K2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("points are text, not a number")
	}
	if v, _ := f.GetCellValue(sheet, "K2"); v != "-5" {
		t.Errorf("K2 = %q", v)
	}
	if err := Write(&buf, "pdf", table, "zh"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("pdf: %v", err)
	}
}

// TestEditsSurviveReimport: re-importing the member list (as operators do
// every week) keeps a manual tier, its lock and the notes.
func TestEditsSurviveReimport(t *testing.T) {
	st, l := sampleLedger(t)
	ctx := context.Background()
	r := byName(l, "王大力")
	if _, err := st.UpdateMember(ctx, domain.MemberEdit{GroupID: l.Group.ID, MemberID: r.Member.ID, Version: r.Member.Version,
		Tier: domain.TierCore, Tags: r.Member.Tags, Notes: "想带读书小组"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, l.Group.ID, samples+"member_list_excel_utf8_bom.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	m, err := st.Member(ctx, l.Group.ID, r.Member.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tier != domain.TierCore || !m.TierLocked || m.Notes != "想带读书小组" {
		t.Errorf("after re-import: tier %s, locked %v, notes %q", m.Tier, m.TierLocked, m.Notes)
	}
}

// TestSharePoints: a theme share marked posted with 赵敏 as presenter gives
// her +20 on top of her 5 check-in points, from the share's scheduled time
// on; planned or skipped shares, shares without a presenter and shares
// after the week's end give nothing, and saving the item again does not
// count it twice.
func TestSharePoints(t *testing.T) {
	inWeek := time.Date(2024, 3, 7, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	afterWeek := time.Date(2024, 3, 11, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)) // Monday of W11
	tests := []struct {
		name     string
		at       time.Time
		status   content.Status
		format   content.Format
		noPerson bool
		resave   bool
		want     int // 赵敏's points at the end of 2024-W10
		wantNext int // and of 2024-W11
	}{
		{name: "posted share with presenter", at: inWeek, status: content.Posted, format: content.Share, want: 25, wantNext: 25},
		{name: "planned share", at: inWeek, status: content.Planned, format: content.Share, want: 5, wantNext: 5},
		{name: "skipped share", at: inWeek, status: content.Skipped, format: content.Share, want: 5, wantNext: 5},
		{name: "posted share without presenter", at: inWeek, status: content.Posted, format: content.Share, noPerson: true, want: 5, wantNext: 5},
		{name: "posted share after the week's end", at: afterWeek, status: content.Posted, format: content.Share, want: 5, wantNext: 25},
		{name: "posted share saved again", at: inWeek, status: content.Posted, format: content.Share, resave: true, want: 25, wantNext: 25},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st, l := sampleLedger(t)
			zhao := byName(l, "赵敏")
			if zhao.Points != 5 {
				t.Fatalf("赵敏 starts with %d points, want 5", zhao.Points)
			}
			it := content.Item{GroupID: l.Group.ID, Type: content.Tutorial, Format: tc.format, Title: "读书方法分享",
				ScheduledAt: tc.at, Status: tc.status}
			if !tc.noPerson {
				it.PresenterID = &zhao.Member.ID
			}
			saved, err := st.CreateContentItems(ctx, []content.Item{it})
			if err != nil {
				t.Fatal(err)
			}
			if tc.resave {
				again := saved[0]
				again.Title = "读书方法分享（修订）"
				if _, err := st.UpdateContentItem(ctx, again); err != nil {
					t.Fatal(err)
				}
			}
			for _, wk := range []struct {
				week string
				want int
			}{{"2024-W10", tc.want}, {"2024-W11", tc.wantNext}} {
				w, _ := metrics.ParseWeek(wk.week, l.Group.Location())
				got, err := Load(ctx, st, l.Group, w)
				if err != nil {
					t.Fatal(err)
				}
				if p := byName(got, "赵敏").Points; p != wk.want {
					t.Errorf("%s: 赵敏 has %d points, want %d", wk.week, p, wk.want)
				}
				if shares := len(got.Shares); shares != (wk.want-5)/metrics.SharePoints {
					t.Errorf("%s: %d shares on the ledger, want %d", wk.week, shares, (wk.want-5)/metrics.SharePoints)
				}
				if p := byName(got, "王大力").Points; p != 10 {
					t.Errorf("%s: 王大力 has %d points, want his 10 check-in points only", wk.week, p)
				}
			}
		})
	}
}
