package importer

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// wecomMessage is one decrypted 会话存档 (message archive) entry.
type wecomMessage struct {
	MsgID   looseString `json:"msgid"`
	Action  looseString `json:"action"`
	From    looseString `json:"from"`
	MsgTime jsonInt     `json:"msgtime"`
	MsgType looseString `json:"msgtype"`
	Text    struct {
		Content looseString `json:"content"`
	} `json:"text"`
	Link struct {
		Title   looseString `json:"title"`
		LinkURL looseString `json:"link_url"`
	} `json:"link"`
	Revoke struct {
		PreMsgID looseString `json:"pre_msgid"`
	} `json:"revoke"`
	File struct {
		FileName looseString `json:"filename"`
	} `json:"file"`
	Location struct {
		Title   looseString `json:"title"`
		Address looseString `json:"address"`
	} `json:"location"`
	Weapp struct {
		Title looseString `json:"title"`
	} `json:"weapp"`
	News struct {
		Info struct {
			Item []struct {
				Title looseString `json:"title"`
				URL   looseString `json:"url"`
			} `json:"item"`
		} `json:"info"`
	} `json:"news"`
}

// parseWeComArchive reads decrypted WeCom 会话存档 entries, one JSON object
// a line (a JSON array is read too):
//
//	{msgid,action,from,tolist,roomid,msgtime,msgtype,text:{content},link:{title,description,link_url},…}
//
// SourceID is msgid, WeCom's stable id (recalls refer to it). msgtime is
// Unix milliseconds and must be a whole number (a line without one, or with
// text there, goes to OnBad naming the field). action "switch" (the user
// switched enterprise) is no message and is skipped. action "recall"
// becomes a record of Kind system whose RecallOf is the recalled msgid
// (revoke.pre_msgid); a recall naming nothing goes to OnBad. SenderID is from (a userid, or an external
// contact's wm…/wo… id); the archive carries no names, and no "exporting
// account": staff come from the group's staff aliases and member tiers.
// Entries of every room are read; the archive may hold several.
//
// msgtype maps to kinds: text; image; voice; video; emotion → emoji; file
// (Content the file name); location (its title and address); link (Content
// the title, URL link_url); news → link (its first article); weapp →
// miniprogram; meeting_voice_call, voip_doc_share and voiptext → call;
// anything else (card, chatrecord, redpacket, mixed …) → other.
func parseWeComArchive(r io.Reader, p *chatParse) error {
	text, err := openUTF8Text(r)
	if err != nil {
		return err
	}
	return readJSONValues(text, p, func(raw []byte, line int) error {
		var m wecomMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			p.bad(line, "chat.bad_json", nil)
			return nil
		}
		action := strings.TrimSpace(string(m.Action))
		if action == "switch" {
			return nil
		}
		ms, ok := p.jsonInt(line, "msgtime", m.MsgTime, numberRequired)
		if !ok {
			return nil
		}
		at := time.UnixMilli(ms).UTC()
		if !plausible(at) {
			p.bad(line, "chat.bad_time", map[string]any{"value": strconv.FormatInt(ms, 10)})
			return nil
		}
		// Milliseconds, but no other export of a WeCom chat exists to pair
		// with at a finer unit than the second.
		rec := ChatRecord{Line: line, SourceID: string(m.MsgID), SenderID: string(m.From), SentAt: at, Precision: time.Second}
		if action == "recall" || m.MsgType == "revoke" {
			if m.Revoke.PreMsgID == "" {
				p.bad(line, "chat.recall_target_missing", nil)
				return nil
			}
			rec.Kind, rec.RecallOf = domain.KindSystem, string(m.Revoke.PreMsgID)
			return p.emit(rec)
		}
		switch m.MsgType {
		case "text":
			rec.Kind, rec.Content = domain.KindText, string(m.Text.Content)
		case "image":
			rec.Kind = domain.KindImage
		case "voice":
			rec.Kind = domain.KindVoice
		case "video":
			rec.Kind = domain.KindVideo
		case "emotion":
			rec.Kind = domain.KindEmoji
		case "file":
			rec.Kind, rec.Content = domain.KindFile, string(m.File.FileName)
		case "location":
			rec.Kind = domain.KindLocation
			rec.Content = strings.TrimSpace(string(m.Location.Title) + " " + string(m.Location.Address))
		case "link":
			rec.Kind, rec.Content, rec.URL = domain.KindLink, string(m.Link.Title), string(m.Link.LinkURL)
		case "news":
			rec.Kind = domain.KindLink
			if items := m.News.Info.Item; len(items) > 0 {
				rec.Content, rec.URL = string(items[0].Title), string(items[0].URL)
			}
		case "weapp":
			rec.Kind, rec.Content = domain.KindMiniProgram, string(m.Weapp.Title)
		case "meeting_voice_call", "voip_doc_share", "voiptext":
			rec.Kind = domain.KindCall
		default:
			rec.Kind = domain.KindOther
		}
		return p.emit(rec)
	})
}
