package importer

import (
	"encoding/xml"
	"html"
	"strconv"
	"strings"
)

// appCard is what an app message's XML (<msg><appmsg>…) says.
type appCard struct {
	Type  int64
	Title string
	URL   string
}

// parseAppCard reads the title, URL and type of the <appmsg> in s. It is a
// plain scan, not an XML decoder: it runs on every app message and the cards
// nest other messages (a quote's <refermsg> carries a whole second message),
// so only the first element of each name after <appmsg is read.
func parseAppCard(s string) (appCard, bool) {
	i := strings.Index(s, "<appmsg")
	if i < 0 {
		return appCard{}, false
	}
	body := s[i:]
	if j := strings.Index(body, "<refermsg"); j >= 0 { // the quoted message is not this card
		body = body[:j]
	}
	var c appCard
	c.Title = xmlText(body, "title")
	c.URL = xmlText(body, "url")
	if t, err := strconv.ParseInt(xmlText(body, "type"), 10, 64); err == nil {
		c.Type = t
	}
	return c, true
}

// xmlText returns the text of the first <name>…</name> in s, CDATA
// unwrapped and entities decoded, or "".
func xmlText(s, name string) string {
	open := "<" + name + ">"
	i := strings.Index(s, open)
	if i < 0 {
		return ""
	}
	rest := s[i+len(open):]
	j := strings.Index(rest, "</"+name+">")
	if j < 0 {
		return ""
	}
	v := strings.TrimSpace(rest[:j])
	if strings.HasPrefix(v, "<![CDATA[") && strings.HasSuffix(v, "]]>") {
		return v[len("<![CDATA[") : len(v)-len("]]>")]
	}
	return html.UnescapeString(v)
}

// sysMsg is WeChat's XML system message (Type 10002): a template such as
// "$username$"邀请"$names$"加入了群聊 with the names in link lists, or a
// recall notice.
type sysMsg struct {
	Type     string `xml:"type,attr"`
	Template struct {
		Content struct {
			Plain    string `xml:"plain"`
			Template string `xml:"template"`
			Links    []struct {
				Name      string `xml:"name,attr"`
				Type      string `xml:"type,attr"`
				Title     string `xml:"title"`
				Separator string `xml:"separator"`
				Members   []struct {
					Nickname string `xml:"nickname"`
					Username string `xml:"username"`
				} `xml:"memberlist>member"`
			} `xml:"link_list>link"`
		} `xml:"content_template"`
	} `xml:"sysmsgtemplate"`
	Revoke struct {
		ReplaceMsg string `xml:"replacemsg"`
	} `xml:"revokemsg"`
}

// systemText renders a system message's content as the text WeChat shows:
// plain text stays as it is; a <sysmsg> template has its $name$ slots filled
// with the members' nicknames (joined by the link's separator, default 、);
// a recall notice gives its replacement text. XML that cannot be read is
// kept as given.
func systemText(content string) string {
	s := strings.TrimSpace(content)
	if !strings.HasPrefix(s, "<") {
		return content
	}
	var m sysMsg
	if err := xml.Unmarshal([]byte(s), &m); err != nil {
		return content
	}
	if m.Revoke.ReplaceMsg != "" {
		return strings.TrimSpace(m.Revoke.ReplaceMsg)
	}
	ct := m.Template.Content
	if ct.Template == "" {
		if ct.Plain != "" {
			return ct.Plain
		}
		return content
	}
	out := ct.Template
	for _, l := range ct.Links {
		var v string
		switch {
		case len(l.Members) > 0:
			sep := l.Separator
			if sep == "" {
				sep = "、"
			}
			names := make([]string, 0, len(l.Members))
			for _, mem := range l.Members {
				n := mem.Nickname
				if n == "" {
					n = mem.Username
				}
				names = append(names, n)
			}
			v = strings.Join(names, sep)
		case l.Type == "link_revoke": // the "撤销" (undo) button after 你邀请…
			v = ""
		default:
			v = l.Title
		}
		out = strings.ReplaceAll(out, "$"+l.Name+"$", v)
	}
	return strings.TrimSpace(out)
}
