package app

import (
	"context"
	"errors"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/service/importsvc"
)

// chatSamples are the importer's test files (members_test.go has its own name for them).
const chatSamples = "../backend/importer/testdata/"

// The wizard's preview says what the checks found: a file of the other kind,
// a title naming another group, and whether the format's times are read in a
// zone (and which).
func TestImportPreviewReportsTheChecks(t *testing.T) {
	a := newTestApp(t)
	g, err := a.cfg.Store.CreateGroup(context.Background(), domain.GroupInput{Name: "考研英语 1 群", TimeZone: "Asia/Shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	preview := func(kind, file, tz string) ImportPreviewDTO {
		t.Helper()
		p, err := a.imps.Preview(ImportRequestDTO{GroupID: g.ID, Kind: kind, Path: chatSamples + file, Format: "auto", TZ: tz})
		if err != nil {
			t.Fatalf("preview %s as %s: %v", file, kind, err)
		}
		return p
	}

	if p := preview("members", "memotrace_group_chat_utf8.csv", ""); p.LooksLike != "chat" || p.File != "memotrace_group_chat_utf8.csv" || len(p.Rows) != 0 {
		t.Errorf("chat previewed as members: %+v", p)
	}
	if p := preview("chat", "member_list_excel_gbk.csv", ""); p.LooksLike != "members" || len(p.Rows) != 0 {
		t.Errorf("members previewed as chat: %+v", p)
	}
	if p := preview("members", "member_list_excel_gbk.csv", ""); p.LooksLike != "" || len(p.Rows) == 0 {
		t.Errorf("a member list: %+v", p)
	}

	text := preview("chat", "wechat_merged_forward_group.txt", "")
	if text.FileGroup != "读书打卡交流群" || !text.WallClock || text.TimeZone != "Asia/Shanghai" {
		t.Errorf("forward-as-text: fileGroup %q, wallClock %v, zone %q", text.FileGroup, text.WallClock, text.TimeZone)
	}
	// The first message, 06:58 as written, shown in the group's zone.
	if got := text.Rows[0][1]; got != "2024-03-04T06:58:00+08:00" {
		t.Errorf("first time %s", got)
	}
	london := preview("chat", "wechat_merged_forward_group.txt", "Europe/London")
	if london.TimeZone != "Europe/London" || london.Rows[0][1] != "2024-03-04T14:58:00+08:00" {
		t.Errorf("read as London time: zone %q, first time %s", london.TimeZone, london.Rows[0][1])
	}
	if p := preview("chat", "memotrace_group_chat_utf8.csv", "Europe/London"); p.WallClock || p.FileGroup != "" || p.Rows[0][1] != "2024-03-04T06:58:12+08:00" {
		t.Errorf("MemoTrace: wallClock %v, fileGroup %q, first time %s", p.WallClock, p.FileGroup, p.Rows[0][1])
	}

	_, err = a.imps.Preview(ImportRequestDTO{GroupID: g.ID, Kind: "chat", Path: chatSamples + "pywxdump_group_chat.csv", TZ: "Mars/Olympus"})
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("an unknown zone: %v", err)
	}
	if _, err := a.imps.Start(ImportRequestDTO{GroupID: g.ID, Kind: "chat", Path: chatSamples + "pywxdump_group_chat.csv", TZ: "Mars/Olympus"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("Start with an unknown zone: %v", err)
	}
}

// An import refused for another group's title tells the wizard that name.
func TestImportResultNamesTheFilesGroup(t *testing.T) {
	a := newTestApp(t)
	refusal := domain.Errorf(domain.EINVALID, ingest.KeyOtherGroup, map[string]any{"file": "a.txt", "fileGroup": "读书打卡交流群", "group": "考研英语 1 群"})
	r := a.imps.result(importsvc.Result{Summary: ingest.Summary{File: "a.txt"}}, refusal)
	if r.FileGroup != "读书打卡交流群" || r.Error == nil || r.Error.Message == "" {
		t.Errorf("result = %+v", r)
	}
	if r := a.imps.result(importsvc.Result{}, errors.New("disk full")); r.FileGroup != "" {
		t.Errorf("another failure names a group: %+v", r)
	}
}
