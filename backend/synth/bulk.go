package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// GenerateMemoTrace writes a synthetic MemoTrace CSV of a reading group:
// messages rows from members people (member 0 is the exporting account),
// deterministic for a seed. It looks like the real thing, quirks included:
// BOM and CRLF, Chinese text with check-ins, questions and URLs, multi-line
// and quoted texts, media rows with XML (the image XML spans lines), link
// cards (some with the card lost: empty StrContent), quotes, system rows with
// empty sender columns (joins by invitation, several invitees and QR code;
// leaves and removals; recalls), remarks with spaces sanitised to
// underscores, and members shown only by their wxid. Times start on
// 2024-01-01 in China Standard Time, advance by roughly half a minute and
// skip the small hours. Unlike New it keeps no ground truth: it is volume,
// for benchmarks, crash tests and trying the app on a large group. It lived
// in the importer until issue 23; a parser package ships no test data.
func GenerateMemoTrace(w io.Writer, messages, members int, seed uint64) error {
	return GenerateMemoTraceOver(w, messages, members, seed, 0)
}

// GenerateMemoTraceOver is GenerateMemoTrace with the messages spread over
// about days days (0: half a minute apart, as GenerateMemoTrace): ten
// million messages in one year, a busy group's year, rather than thirteen.
func GenerateMemoTraceOver(w io.Writer, messages, members int, seed uint64, days int) error {
	if members < 2 {
		members = 2
	}
	g := newChatGen(members, seed)
	if days > 0 && messages > 0 {
		// 18 waking hours a day; each tick adds one second and the gap.
		g.gap = max(float64(days)*18*3600/float64(messages)-1, 0)
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write([]string{"localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender"}); err != nil {
		return err
	}
	row := make([]string, 12)
	for n := 0; n < messages; n++ {
		g.row(row, n)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

type genMember struct {
	wxid, nick, remark string
	present            bool
}

type chatGen struct {
	rng     *rand.Rand
	members []genMember
	present []int // indexes of present members (unordered)
	absent  []int
	now     int64 // Unix seconds
	cst     *time.Location
	gap     float64 // mean seconds between messages, less the one second every tick adds
}

var (
	genSurnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"}
	genGiven    = []string{"晓雨", "大力", "敏", "悟净", "知秋", "小满", "一鸣", "子涵", "浩然", "欣怡", "梓萱", "宇轩", "诗涵", "俊杰", "雨桐", "明轩", "佳怡", "思远", "若溪", "嘉懿"}
	genEnglish  = []string{"Amy Chen", "Leo Zhou", "Grace Li", "Kevin Wu", "Iris Wang", "Tony Ma", "Lily Sun", "Jack Xu"}
	genCities   = []string{"杭州", "上海", "北京", "深圳", "成都", "南京", "武汉", "西安"}
	genBooks    = []string{"《人类简史》", "《被讨厌的勇气》", "《活着》", "《三体》", "《置身事内》", "《乡土中国》", "《原则》", "《百年孤独》"}
	genChats    = []string{"谢谢老师！", "收到", "同问", "哈哈哈 说得太对了", "今天读得有点慢，明天补上", "这一章信息量好大", "大家早上好～", "晚安各位 🌙", "周末线下见！", "这本书电子版在微信读书上有"}
	genAsks     = []string{"请问这周六的线下读书会在哪里举办？", "有人知道这本书有没有电子版？", "每天打卡有格式要求吗？", "第%d章的讨论题要交书面作业吗？", "怎么加入下一期共读？"}
	genDomains  = []string{"https://weread.qq.com/web/reader/", "https://mp.weixin.qq.com/s/", "https://example.com/review/", "http://t.cn/"}
)

func newChatGen(n int, seed uint64) *chatGen {
	g := &chatGen{rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), cst: time.FixedZone("CST", 8*3600), gap: 30}
	g.now = time.Date(2024, 1, 1, 7, 30, 0, 0, g.cst).Unix()
	for i := 0; i < n; i++ {
		m := genMember{wxid: "wxid_" + strconv.FormatUint(g.rng.Uint64()%(1<<52), 36) + "demo"}
		switch {
		case i == 0:
			m.nick, m.remark = "林知秋", "林知秋"
		case g.rng.IntN(20) == 0: // an English name: MemoTrace writes its remark with _ for spaces
			m.nick = genEnglish[g.rng.IntN(len(genEnglish))]
			m.remark = strings.ReplaceAll(m.nick, " ", "_")
		default:
			m.nick = genSurnames[g.rng.IntN(len(genSurnames))] + genGiven[g.rng.IntN(len(genGiven))]
			m.remark = m.nick
			if g.rng.IntN(4) == 0 {
				m.remark = m.nick[len(genSurnames[0]):] + "-" + genCities[g.rng.IntN(len(genCities))]
			}
		}
		if i > 0 && g.rng.IntN(50) == 0 { // a departed member: only the wxid is known
			m.nick, m.remark = m.wxid, m.wxid
		}
		m.present = i == 0 || g.rng.IntN(10) < 7
		g.members = append(g.members, m)
		if m.present {
			g.present = append(g.present, i)
		} else {
			g.absent = append(g.absent, i)
		}
	}
	return g
}

// tick advances the clock: about 30 s, and from midnight to the morning.
func (g *chatGen) tick() {
	g.now += 1 + int64(g.rng.ExpFloat64()*g.gap)
	if h := time.Unix(g.now, 0).In(g.cst).Hour(); h < 6 {
		g.now += int64(6-h)*3600 + int64(g.rng.IntN(3600))
	}
}

func (g *chatGen) row(row []string, n int) {
	g.tick()
	sender := g.present[g.rng.IntN(len(g.present))]
	typ, sub, content := g.message(sender)
	m := g.members[sender]
	isSelf, status := "0", "3"
	if sender == 0 && typ != "10000" {
		isSelf, status = "1", "2"
	}
	row[0] = strconv.Itoa(100000 + n)
	row[1] = "27"
	row[2], row[3] = typ, sub
	row[4] = isSelf
	row[5] = strconv.FormatInt(g.now, 10)
	row[6] = status
	row[7] = content
	row[8] = time.Unix(g.now, 0).In(g.cst).Format("2006-01-02 15:04:05")
	if typ == "10000" {
		row[9], row[10], row[11] = "", "", ""
	} else {
		row[9], row[10], row[11] = m.remark, m.nick, m.wxid
	}
}

// message picks a message's Type, SubType and StrContent.
func (g *chatGen) message(sender int) (typ, sub, content string) {
	r := g.rng.IntN(1000)
	switch {
	case r < 10:
		if s := g.system(); s != "" {
			return "10000", "0", s
		}
		return "1", "0", "打卡 " + genBooks[g.rng.IntN(len(genBooks))]
	case r < 70:
		return "3", "0", fmt.Sprintf("<?xml version=\"1.0\"?>\n<msg>\n\t<img aeskey=\"%016x\" encryver=\"1\" length=\"%d\" md5=\"%016x%016x\" />\n\t<platform_signature></platform_signature>\n</msg>\n",
			g.rng.Uint64(), 50000+g.rng.IntN(400000), g.rng.Uint64(), g.rng.Uint64())
	case r < 120:
		return "47", "0", fmt.Sprintf(`<msg><emoji fromusername="%s" tousername="20938475610@chatroom" type="2" md5="%016x" len="23456" width="240" height="240" /></msg>`,
			g.members[sender].wxid, g.rng.Uint64())
	case r < 140:
		return "34", "0", fmt.Sprintf(`<msg><voicemsg endflag="1" voiceformat="4" voicelength="%d" length="8345" /></msg>`, 1000+g.rng.IntN(59000))
	case r < 150:
		return "43", "0", fmt.Sprintf(`<msg><videomsg length="%d" playlength="%d" md5="%016x" /></msg>`, 100000+g.rng.IntN(9000000), 3+g.rng.IntN(60), g.rng.Uint64())
	case r < 175:
		if g.rng.IntN(5) == 0 {
			return "49", "5", "" // the card was not unpacked: the link is lost
		}
		url := genDomains[g.rng.IntN(len(genDomains))] + strconv.FormatUint(g.rng.Uint64()%1e9, 36) + "?a=1&amp;b=2"
		return "49", "5", fmt.Sprintf("<msg><appmsg appid=\"\" sdkver=\"0\"><title>%s：第%d章书评</title><des>一篇书评</des><type>5</type><url>%s</url></appmsg></msg>",
			genBooks[g.rng.IntN(len(genBooks))], 1+g.rng.IntN(20), url)
	case r < 190:
		return "49", "57", fmt.Sprintf("<msg><appmsg appid=\"\" sdkver=\"0\"><title>%s</title><type>57</type><refermsg><type>1</type><displayname>%s</displayname><content>%s</content></refermsg></appmsg></msg>",
			genChats[g.rng.IntN(len(genChats))], g.members[g.present[g.rng.IntN(len(g.present))]].nick, genChats[g.rng.IntN(len(genChats))])
	case r < 195:
		return "49", "6", fmt.Sprintf("<msg><appmsg><title>%s读书笔记.pdf</title><type>6</type></appmsg></msg>", genBooks[g.rng.IntN(len(genBooks))])
	case r < 200:
		return "49", "33", "<msg><appmsg><title>微信读书</title><type>33</type></appmsg></msg>"
	case r < 202:
		return "48", "0", `<msg><location x="30.27" y="120.15" label="杭州市西湖区文三路" poiname="半山书房" /></msg>`
	case r < 204:
		return "49", "2000", "<msg><appmsg><title>微信转账</title><type>2000</type></appmsg></msg>"
	}
	return "1", "0", g.text()
}

// text writes a member's text: mostly check-ins and chat, some questions,
// links, quotes and several lines.
func (g *chatGen) text() string {
	book := genBooks[g.rng.IntN(len(genBooks))]
	switch r := g.rng.IntN(100); {
	case r < 35:
		return fmt.Sprintf("打卡 Day%d %s 第%d章，读了%d页", 1+g.rng.IntN(100), book, 1+g.rng.IntN(20), 10+g.rng.IntN(50))
	case r < 45:
		return fmt.Sprintf(genAsks[g.rng.IntN(len(genAsks))], 1+g.rng.IntN(20))
	case r < 50:
		return "推荐 " + book + "：" + genDomains[g.rng.IntN(len(genDomains))] + strconv.FormatUint(g.rng.Uint64()%1e9, 36) + " 写得很好"
	case r < 54:
		return fmt.Sprintf("打卡 Day%d\n%s p%d-%d\n感想：\"认知革命\"那部分很有意思", 1+g.rng.IntN(100), book, 1+g.rng.IntN(100), 100+g.rng.IntN(100))
	}
	return genChats[g.rng.IntN(len(genChats))]
}

// system makes a join, leave, removal or recall, and updates who is present.
func (g *chatGen) system() string {
	q := func(i int) string { return g.members[i].nick }
	switch r := g.rng.IntN(10); {
	case r < 6 && len(g.absent) > 0:
		a := g.pickPresent()
		b := g.join()
		switch {
		case r < 2 && len(g.absent) > 0:
			c := g.join()
			return `"` + q(a) + `"邀请"` + q(b) + `"、"` + q(c) + `"加入了群聊`
		case r < 4:
			if a == 0 {
				return `你邀请"` + q(b) + `"加入了群聊`
			}
			return `"` + q(a) + `"邀请"` + q(b) + `"加入了群聊`
		case a == 0:
			return `"` + q(b) + `"通过扫描你分享的二维码加入群聊`
		default:
			return `"` + q(b) + `"通过扫描"` + q(a) + `"分享的二维码加入群聊`
		}
	case r < 8 && len(g.present) > 3:
		b := g.leave()
		if r == 7 {
			return `你将"` + q(b) + `"移出了群聊`
		}
		return `"` + q(b) + `"退出了群聊`
	case r == 8:
		return `"` + q(g.pickPresent()) + `" 撤回了一条消息`
	}
	return ""
}

func (g *chatGen) pickPresent() int { return g.present[g.rng.IntN(len(g.present))] }

// join moves a random absent member in.
func (g *chatGen) join() int {
	k := g.rng.IntN(len(g.absent))
	i := g.absent[k]
	g.absent[k] = g.absent[len(g.absent)-1]
	g.absent = g.absent[:len(g.absent)-1]
	g.present = append(g.present, i)
	return i
}

// leave moves a random present member (never the exporter) out.
func (g *chatGen) leave() int {
	for {
		k := g.rng.IntN(len(g.present))
		i := g.present[k]
		if i == 0 {
			continue
		}
		g.present[k] = g.present[len(g.present)-1]
		g.present = g.present[:len(g.present)-1]
		g.absent = append(g.absent, i)
		return i
	}
}
