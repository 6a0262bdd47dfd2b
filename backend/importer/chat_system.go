package importer

import (
	"regexp"
	"strings"
	"unicode"
)

// ParseSystem parses a system message's text into a join, leave or removal
// event, nil if it is none (recalls, renames, pats …). It reads every pattern
// of docs/metrics.md with straight or curly quotes, names with spaces, several
// invitees written either inside one pair of quotes ("B、C") or quoted one by
// one ("B"、"C"), and the exporting account written 你:
//
//	"A"邀请"B、C"加入了群聊      "A"邀请"B"、"C"加入了群聊      你邀请"B"加入了群聊
//	"A"邀请你加入了群聊          "B"通过扫描"A"分享的二维码加入群聊
//	"B"通过扫描你分享的二维码加入群聊   你通过扫描"A"分享的二维码加入群聊
//	你将"B"移出了群聊    "A"将"B"移出了群聊    你被"A"移出群聊    "B"退出了群聊
//
// Text after the event (",群聊参与人还有：…", "撤销") is ignored.
func ParseSystem(text string) *SystemEvent {
	if !strings.Contains(text, "群聊") {
		return nil // the cheap test: every event names the group chat
	}
	skel, quoted := systemSkeleton(text)
	for _, p := range systemPatterns {
		m := p.re.FindStringSubmatchIndex(skel)
		if m == nil {
			continue
		}
		ev := &SystemEvent{Type: p.typ}
		at := func(pos int) int { return strings.Count(skel[:pos], qMark) }
		if p.actorSelf {
			ev.Actor = "你"
		} else if g := p.re.SubexpIndex("actor"); g > 0 && m[2*g] >= 0 {
			ev.Actor = strings.TrimSpace(quoted[at(m[2*g])])
		}
		if p.namesSelf {
			ev.Names = []string{"你"}
		} else {
			g := p.re.SubexpIndex("names")
			first, n := at(m[2*g]), strings.Count(skel[m[2*g]:m[2*g+1]], qMark)
			for _, q := range quoted[first : first+n] {
				for _, name := range strings.Split(q, "、") {
					if name = strings.TrimSpace(name); name != "" {
						ev.Names = append(ev.Names, name)
					}
				}
			}
		}
		if len(ev.Names) == 0 {
			return nil
		}
		return ev
	}
	return nil
}

// qMark stands for one quoted name in a skeleton.
const qMark = "\x00"

// systemSkeleton replaces every quoted name in text with qMark and drops
// whitespace outside quotes, returning the skeleton and the names in order.
// Any of " “ ” ＂ opens a quote and any of them closes it: exporters mix
// straight and curly quotes.
func systemSkeleton(text string) (string, []string) {
	var skel strings.Builder
	var quoted []string
	inQuote, start := false, 0
	for i, r := range text {
		switch {
		case r == '"' || r == '“' || r == '”' || r == '＂':
			if inQuote {
				quoted = append(quoted, text[start:i])
				skel.WriteString(qMark)
			} else {
				start = i + len(string(r))
			}
			inQuote = !inQuote
		case inQuote:
		case unicode.IsSpace(r):
		case r == 0:
		default:
			skel.WriteRune(r)
		}
	}
	return skel.String(), quoted
}

type systemPattern struct {
	re        *regexp.Regexp // named groups: names (the quotes of who joined or left), actor
	typ       EventType
	actorSelf bool // the actor is 你
	namesSelf bool // the one who joined or left is 你
}

// Building blocks: a quoted name, and one or more separated by 、 , ， or 和.
const (
	qActor = `(?P<actor>\x00)`
	qNames = `(?P<names>\x00(?:[、，,和]\x00)*)`
	qOne   = `(?P<names>\x00)`
)

var systemPatterns = []systemPattern{
	{re: regexp.MustCompile(`^你邀请` + qNames + `加入了?群聊`), typ: EventJoin, actorSelf: true},
	{re: regexp.MustCompile(`^` + qActor + `邀请你加入了?群聊`), typ: EventJoin, namesSelf: true},
	{re: regexp.MustCompile(`^` + qActor + `邀请` + qNames + `加入了?群聊`), typ: EventJoin},
	{re: regexp.MustCompile(`^` + qOne + `通过扫描你分享的二维码加入了?群聊`), typ: EventJoin, actorSelf: true},
	{re: regexp.MustCompile(`^你通过扫描` + qActor + `分享的二维码加入了?群聊`), typ: EventJoin, namesSelf: true},
	{re: regexp.MustCompile(`^` + qOne + `通过扫描` + qActor + `分享的二维码加入了?群聊`), typ: EventJoin},
	{re: regexp.MustCompile(`^你将` + qNames + `移出了?群聊`), typ: EventRemove, actorSelf: true},
	{re: regexp.MustCompile(`^你被` + qActor + `移出了?群聊`), typ: EventRemove, namesSelf: true},
	{re: regexp.MustCompile(`^` + qActor + `将` + qNames + `移出了?群聊`), typ: EventRemove},
	{re: regexp.MustCompile(`^` + qNames + `退出了?群聊`), typ: EventLeave},
}
