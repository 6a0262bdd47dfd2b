package importer

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// parseChatFile parses a testdata file and returns what a user would see:
// the records and the unreadable rows.
func parseChatFile(t testing.TB, name, format string) ([]ChatRecord, []LineError) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return parseChat(t, f, format)
}

func parseChatString(t testing.TB, text, format string) ([]ChatRecord, []LineError) {
	t.Helper()
	return parseChat(t, strings.NewReader(text), format)
}

func parseChat(t testing.TB, r interface{ Read([]byte) (int, error) }, format string) ([]ChatRecord, []LineError) {
	t.Helper()
	var recs []ChatRecord
	var bad []LineError
	err := ParseChat(r, format, ChatOptions{
		OnRecord: func(rec ChatRecord) error { recs = append(recs, rec); return nil },
		OnBad:    func(e LineError) { bad = append(bad, e) },
	})
	if err != nil {
		t.Fatalf("ParseChat(%s): %v", format, err)
	}
	return recs, bad
}

// chatSummary is what an operator checks after an import.
type chatSummary struct {
	Records  int
	Kinds    map[domain.Kind]int
	Joins    []string // names, in file order
	Leaves   []string
	Removals []string
	Senders  map[string]string // sender id (or name when there is none) → name shown
	Self     int
	First    string // SentAt of the first and last record, UTC
	Last     string
}

func summarize(recs []ChatRecord) chatSummary {
	s := chatSummary{Records: len(recs), Kinds: map[domain.Kind]int{}, Senders: map[string]string{}}
	for _, r := range recs {
		s.Kinds[r.Kind]++
		if r.Event != nil {
			switch r.Event.Type {
			case EventJoin:
				s.Joins = append(s.Joins, r.Event.Names...)
			case EventLeave:
				s.Leaves = append(s.Leaves, r.Event.Names...)
			case EventRemove:
				s.Removals = append(s.Removals, r.Event.Names...)
			}
		}
		if r.Kind != domain.KindSystem {
			key := r.SenderID
			if key == "" {
				key = "name:" + r.SenderName
			}
			s.Senders[key] = r.SenderName
		}
		if r.IsSelf {
			s.Self++
		}
	}
	if len(recs) > 0 {
		s.First = recs[0].SentAt.Format(time.RFC3339)
		s.Last = recs[len(recs)-1].SentAt.Format(time.RFC3339)
	}
	return s
}

func checkSummary(t *testing.T, got, want chatSummary) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("summary:\n got  %+v\n want %+v", got, want)
	}
}

// The people of the sample group, by wxid.
const (
	wxCXY  = "wxid_cxy001demo"    // 陈晓雨, remark 晓雨-杭州
	wxAmy  = "wxid_amychen88demo" // Amy Chen, remark Amy_Chen
	wxLZQ  = "wxid_lzq2024demo"   // 林知秋, the exporting account
	wxWDL  = "wxid_wdl777demo"    // 王大力
	wxZM   = "wxid_zm2024demo"    // 赵敏
	wxSWJ  = "wxid_swj520demo"    // 孙悟净
	wxSpam = "wxid_spam999demo"   // 推广小助手
	wxZYM  = "wxid_zym123demo"    // 周一鸣, shown only by wxid
)

func TestParseMemoTraceSample(t *testing.T) {
	recs, bad := parseChatFile(t, "memotrace_group_chat_utf8.csv", FormatMemoTrace)
	if len(bad) != 0 {
		t.Errorf("unreadable rows: %v", bad)
	}
	checkSummary(t, summarize(recs), chatSummary{
		Records: 41,
		Kinds: map[domain.Kind]int{domain.KindText: 31, domain.KindEmoji: 2, domain.KindImage: 1, domain.KindVoice: 1,
			domain.KindLink: 1, domain.KindQuote: 1, domain.KindSystem: 4},
		Joins:    []string{"赵敏", "孙悟净", "Leo周", "小满"},
		Removals: []string{"推广小助手"},
		Senders: map[string]string{wxCXY: "晓雨-杭州", wxAmy: "Amy_Chen", wxLZQ: "林知秋", wxWDL: "王大力", wxZM: "赵敏",
			wxSWJ: "孙悟净", wxSpam: "推广小助手", wxZYM: wxZYM},
		Self:  7,
		First: "2024-03-03T22:58:12Z",
		Last:  "2024-03-06T00:30:27Z",
	})
	for _, r := range recs {
		if r.SourceID != "" {
			t.Errorf("line %d: SourceID %q, want none (localId is not stable across exports)", r.Line, r.SourceID)
		}
		if r.IsSelf != (r.SenderID == wxLZQ) {
			t.Errorf("line %d: IsSelf %v for sender %q", r.Line, r.IsSelf, r.SenderID)
		}
		if r.Kind == domain.KindSystem && (r.SenderID != "" || r.SenderName != "" || r.SenderNick != "") {
			t.Errorf("line %d: system row has a sender %q/%q/%q", r.Line, r.SenderID, r.SenderName, r.SenderNick)
		}
	}
	byLine := map[int]ChatRecord{}
	for _, r := range recs {
		byLine[r.Line] = r
	}
	// The image's XML spans six lines (14–19): the record starts on 14 and
	// the next one is on 20.
	if r := byLine[14]; r.Kind != domain.KindImage || !strings.Contains(r.Content, "<img aeskey=") {
		t.Errorf("line 14: %+v, want the image with its XML", r)
	}
	if r := byLine[20]; r.Content != "今天午休读完的，分享一下笔记" {
		t.Errorf("line 20: %q", r.Content)
	}
	// A three-line text keeps its lines and quotes.
	if r := byLine[23]; r.Content != "一般写 打卡+天数+读了什么 就行，比如：\n打卡 Day1\n《人类简史》p1-30，\"认知革命\"那部分很有意思" {
		t.Errorf("line 23: %q", r.Content)
	}
	// The link card whose content was lost is a link post without a URL.
	if r := byLine[30]; r.Kind != domain.KindLink || r.Content != "" || r.URL != "" || !domain.IsLinkPost(r.Kind, r.Content) {
		t.Errorf("line 30: %+v, want a link with no content and no URL", r)
	}
	// The sanitised remark is kept as given; the nickname keeps its space.
	if r := byLine[3]; r.SenderName != "Amy_Chen" || r.SenderNick != "Amy Chen" {
		t.Errorf("line 3: name %q nick %q", r.SenderName, r.SenderNick)
	}
	// The departed member is known by wxid only.
	if r := byLine[29]; r.SenderID != wxZYM || r.SenderName != wxZYM || r.SenderNick != wxZYM {
		t.Errorf("line 29: %+v", r)
	}
}

// TestMemoTraceWeekFigures recounts, from the parser's records, the week
// 2024-W10 figures of testdata/memotrace_group_chat_utf8.csv that depend on
// the chat alone (as the expected figures shipped with the samples give them).
func TestMemoTraceWeekFigures(t *testing.T) {
	recs, _ := parseChatFile(t, "memotrace_group_chat_utf8.csv", FormatMemoTrace)
	cst := time.FixedZone("CST", 8*3600)
	start := time.Date(2024, 3, 4, 0, 0, 0, 0, cst)
	end := start.AddDate(0, 0, 7)
	var messages, linkPosts, joined, left, prime int
	active := map[string]bool{}
	for _, r := range recs {
		if r.SentAt.Before(start) || !r.SentAt.Before(end) {
			continue
		}
		if r.Event != nil {
			switch r.Event.Type {
			case EventJoin:
				joined += len(r.Event.Names)
			case EventLeave, EventRemove:
				left += len(r.Event.Names)
			}
		}
		if !r.Kind.Countable() {
			continue
		}
		messages++
		active[r.SenderID] = true
		if domain.IsLinkPost(r.Kind, r.Content) {
			linkPosts++
		}
		if h := r.SentAt.In(cst).Hour(); h >= 20 && h < 22 {
			prime++
		}
	}
	got := []int{messages, len(active), joined, left, linkPosts, prime}
	want := []int{37, 8, 4, 1, 4, 5} // prime_time_ratio 0.135… = 5/37
	if !reflect.DeepEqual(got, want) {
		t.Errorf("messages, active, new, left, link posts, prime-time = %v, want %v", got, want)
	}
}

func TestParsePyWxDumpSample(t *testing.T) {
	recs, bad := parseChatFile(t, "pywxdump_group_chat.csv", FormatPyWxDump)
	if len(bad) != 0 {
		t.Errorf("unreadable rows: %v", bad)
	}
	checkSummary(t, summarize(recs), chatSummary{
		Records: 16,
		Kinds:   map[domain.Kind]int{domain.KindText: 12, domain.KindEmoji: 1, domain.KindImage: 1, domain.KindSystem: 2},
		Joins:   []string{"赵敏", "孙悟净"},
		Senders: map[string]string{wxCXY: "", wxAmy: "", "name:我": "我", wxWDL: "", wxZM: "", wxSWJ: ""},
		Self:    3,
		First:   "2024-03-03T22:58:12Z",
		Last:    "2024-03-04T05:03:30Z",
	})
	for _, r := range recs {
		if !strings.HasPrefix(r.SourceID, "73000000000") {
			t.Errorf("line %d: SourceID %q, want the MsgSvrID", r.Line, r.SourceID)
		}
		if r.Kind == domain.KindSystem && r.SenderID != "" {
			t.Errorf("line %d: system row from %q (未知 is no id)", r.Line, r.SenderID)
		}
	}
	if recs[0].SourceID != "7300000000000007919" || recs[0].Line != 2 {
		t.Errorf("first record: %+v", recs[0])
	}
}

// TestMemoTraceMatchesPyWxDump: where the two exports overlap, they hold the
// same messages — same instant, same sender (the exporting account on both
// sides), same kind, same text.
func TestMemoTraceMatchesPyWxDump(t *testing.T) {
	mt, _ := parseChatFile(t, "memotrace_group_chat_utf8.csv", FormatMemoTrace)
	py, _ := parseChatFile(t, "pywxdump_group_chat.csv", FormatPyWxDump)
	key := func(r ChatRecord) string {
		sender := r.SenderID
		if r.IsSelf {
			sender = "<self>"
		}
		content := ""
		if r.Kind == domain.KindText || r.Kind == domain.KindSystem {
			content = r.Content // media differ in form: XML vs PyWxDump's 图片/表情
		}
		return fmt.Sprintf("%d|%s|%s|%s", r.SentAt.Unix(), sender, r.Kind, content)
	}
	last := py[len(py)-1].SentAt
	var a, b []string
	for _, r := range mt {
		if !r.SentAt.After(last) {
			a = append(a, key(r))
		}
	}
	for _, r := range py {
		b = append(b, key(r))
	}
	sort.Strings(a)
	sort.Strings(b)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("overlap differs:\nmemotrace %q\npywxdump  %q", a, b)
	}
	if len(b) != 16 {
		t.Errorf("overlap of %d messages, want 16", len(b))
	}
}

func TestParseWeChatTextSample(t *testing.T) {
	recs, bad := parseChatFile(t, "wechat_merged_forward_group.txt", FormatWeChatText)
	if len(bad) != 0 {
		t.Errorf("unreadable rows: %v", bad)
	}
	checkSummary(t, summarize(recs), chatSummary{
		Records: 36, // no system messages; 周一鸣's message is not in this excerpt; the quote reads as text
		Kinds: map[domain.Kind]int{domain.KindText: 31, domain.KindEmoji: 2, domain.KindImage: 1, domain.KindVoice: 1,
			domain.KindLink: 1},
		Senders: map[string]string{"name:陈晓雨": "陈晓雨", "name:Amy Chen": "Amy Chen", "name:林知秋": "林知秋", "name:王大力": "王大力",
			"name:赵敏": "赵敏", "name:孙悟净": "孙悟净", "name:推广小助手": "推广小助手"},
		First: "2024-03-03T22:58:00Z",
		Last:  "2024-03-06T00:30:00Z",
	})
	byLine := map[int]ChatRecord{}
	for _, r := range recs {
		byLine[r.Line] = r
		if r.SenderID != "" || r.SourceID != "" || r.IsSelf {
			t.Errorf("line %d: a text export has no ids and no self mark: %+v", r.Line, r)
		}
	}
	if r := byLine[62]; r.Content != "一般写 打卡+天数+读了什么 就行，比如：\n打卡 Day1\n《人类简史》p1-30，\"认知革命\"那部分很有意思" {
		t.Errorf("line 62 (three lines of content): %q", r.Content)
	}
	if r := byLine[76]; r.Kind != domain.KindLink || r.Content != "《人类简史》：我们为什么会相信虚构的故事？" || r.URL != "" {
		t.Errorf("line 76 (a link placeholder): %+v", r)
	}
	if r := byLine[50]; r.Kind != domain.KindImage || !strings.HasPrefix(r.Content, "[图片: 5d41402abc4b2a76b9719d911017c592.jpg") {
		t.Errorf("line 50 (an image placeholder): %+v", r)
	}
}

func TestParseWeComArchiveSample(t *testing.T) {
	recs, bad := parseChatFile(t, "wecom_msgaudit_group.jsonl", FormatWeComArchive)
	if len(bad) != 0 {
		t.Errorf("unreadable rows: %v", bad)
	}
	const (
		wmCXY  = "wmOgQhDgAAcxyDEMO000000000AAAA"
		wmAmy  = "wmOgQhDgAAamyDEMO000000000AAAA"
		wmWDL  = "wmOgQhDgAAwdlDEMO000000000AAAA"
		wmZM   = "wmOgQhDgAAzmDEMO0000000000AAAA"
		wmSWJ  = "wmOgQhDgAAswjDEMO000000000AAAA"
		wmSpam = "wmOgQhDgAAspamDEMO00000000AAAA"
		wmZYM  = "wmOgQhDgAAzymDEMO000000000AAAA"
	)
	checkSummary(t, summarize(recs), chatSummary{
		Records: 39, // 40 lines less the switch; the recalled text and its recall are both records
		Kinds: map[domain.Kind]int{domain.KindText: 33, domain.KindEmoji: 2, domain.KindImage: 1, domain.KindVoice: 1,
			domain.KindLink: 1, domain.KindSystem: 1},
		Senders: map[string]string{wmCXY: "", wmAmy: "", "LinZhiQiu": "", wmWDL: "", wmZM: "", wmSWJ: "", wmSpam: "", wmZYM: ""},
		First:   "2024-03-03T22:58:12Z",
		Last:    "2024-03-06T00:30:27Z",
	})
	byLine := map[int]ChatRecord{}
	for _, r := range recs {
		byLine[r.Line] = r
		if r.SourceID == "" {
			t.Errorf("line %d: no msgid", r.Line)
		}
	}
	if r := byLine[2]; r.SentAt != time.UnixMilli(1709506692037).UTC() {
		t.Errorf("line 2: SentAt %v, want the millisecond instant", r.SentAt)
	}
	if r := byLine[31]; r.Kind != domain.KindSystem || r.RecallOf != "0098oops_demo_1709608565_external" || r.SenderID != wmWDL {
		t.Errorf("line 31 (the recall): %+v", r)
	}
	if r := byLine[30]; r.SourceID != "0098oops_demo_1709608565_external" || r.Content != "晚上一起开黑吗" {
		t.Errorf("line 30 (the recalled message): %+v", r)
	}
	if r := byLine[20]; r.Kind != domain.KindLink || r.Content != "《人类简史》：我们为什么会相信虚构的故事？" || r.URL != "https://example.com/review/sapiens-ch2" {
		t.Errorf("line 20 (the link): %+v", r)
	}
}

// chatlogSummary is the same chat excerpt in chatlog's array and JSON lines.
var chatlogSummary = chatSummary{
	Records: 18,
	Kinds: map[domain.Kind]int{domain.KindText: 4, domain.KindEmoji: 1, domain.KindImage: 1, domain.KindVoice: 1, domain.KindLink: 1,
		domain.KindQuote: 1, domain.KindFile: 1, domain.KindTransfer: 1, domain.KindMiniProgram: 1, domain.KindOther: 1, domain.KindSystem: 5},
	Joins:    []string{"赵敏", "Leo周", "小满"},
	Leaves:   []string{"Leo周"},
	Removals: []string{"推广小助手"},
	Senders:  map[string]string{wxCXY: "晓雨-杭州", wxAmy: "Amy_Chen", wxLZQ: "林知秋", wxWDL: "王大力", wxZYM: ""},
	Self:     2,
	First:    "2024-03-03T22:58:12Z",
	Last:     "2024-03-06T00:30:27Z",
}

func TestParseChatlogSamples(t *testing.T) {
	for _, tc := range []struct {
		file  string
		lines []int // of the first three records
	}{
		{"chat_chatlog_group.json", []int{2, 15, 28}},
		{"chat_chatlog_group.jsonl", []int{1, 2, 3}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			recs, bad := parseChatFile(t, tc.file, FormatChatlog)
			if len(bad) != 0 {
				t.Errorf("unreadable rows: %v", bad)
			}
			checkSummary(t, summarize(recs), chatlogSummary)
			if got := []int{recs[0].Line, recs[1].Line, recs[2].Line}; !reflect.DeepEqual(got, tc.lines) {
				t.Errorf("lines %v, want %v", got, tc.lines)
			}
			byKind := map[domain.Kind]ChatRecord{}
			for _, r := range recs {
				byKind[r.Kind] = r
				if r.SourceID == "" {
					t.Errorf("line %d: no seq", r.Line)
				}
			}
			if r := byKind[domain.KindLink]; r.Content != "《人类简史》：我们为什么会相信虚构的故事？" || r.URL != "https://example.com/review/sapiens-ch2" {
				t.Errorf("link: %+v", r)
			}
			if r := byKind[domain.KindQuote]; r.Content != "谢谢！已经买了" {
				t.Errorf("quote: %+v", r)
			}
			if r := byKind[domain.KindFile]; r.Content != "人类简史-第5章导读.pdf" || !r.IsSelf {
				t.Errorf("file: %+v", r)
			}
			if recs[0].SourceID != "1709506692000" {
				t.Errorf("SourceID %q, want the seq", recs[0].SourceID)
			}
		})
	}
}

func TestParseChatCSVSamples(t *testing.T) {
	t.Run("hand-typed GBK with Chinese headers", func(t *testing.T) {
		recs, bad := parseChatFile(t, "chat_csv_handtyped_gbk.csv", FormatCSV)
		if want := []LineError{{Line: 7, Key: "chat.bad_time", Args: map[string]any{"value": "明天"}}}; !reflect.DeepEqual(bad, want) {
			t.Errorf("bad rows %v, want %v", bad, want)
		}
		checkSummary(t, summarize(recs), chatSummary{
			Records: 6,
			Kinds:   map[domain.Kind]int{domain.KindText: 4, domain.KindImage: 1, domain.KindSystem: 1},
			Leaves:  []string{"赵敏"},
			Senders: map[string]string{"name:陈晓雨": "陈晓雨", "name:Amy Chen": "Amy Chen", "name:林知秋": "林知秋", "name:王大力": "王大力", "name:赵敏": "赵敏"},
			First:   "2024-03-04T12:00:00Z", // 2024/3/4 20:00 in Shanghai
			Last:    "2024-03-04T23:02:00Z",
		})
		if r := recs[1]; r.Line != 3 || r.Content != "多行打卡：\n第一行\n第二行，\"认知革命\"很有意思" {
			t.Errorf("multi-line row: line %d %q", r.Line, r.Content)
		}
		if r := recs[3]; r.Line != 8 {
			t.Errorf("row after the bad one: line %d, want 8", r.Line)
		}
	})
	t.Run("English headers, tabs, BOM, type column", func(t *testing.T) {
		recs, bad := parseChatFile(t, "chat_csv_english.tsv", FormatCSV)
		if want := []LineError{{Line: 6, Key: "chat.field_count", Args: map[string]any{"got": 4, "want": 5}}}; !reflect.DeepEqual(bad, want) {
			t.Errorf("bad rows %v, want %v", bad, want)
		}
		checkSummary(t, summarize(recs), chatSummary{
			Records: 5,
			Kinds:   map[domain.Kind]int{domain.KindText: 2, domain.KindImage: 1, domain.KindLink: 1, domain.KindSystem: 1},
			Joins:   []string{"Leo周", "小满"},
			Senders: map[string]string{wxCXY: "晓雨-杭州", wxWDL: "王大力"},
			First:   "2024-03-03T22:58:12Z",
			Last:    "2024-03-05T12:12:09Z",
		})
		if r := recs[2]; r.URL != "https://example.com/review/sapiens-ch2" {
			t.Errorf("link row URL %q", r.URL)
		}
	})
}
