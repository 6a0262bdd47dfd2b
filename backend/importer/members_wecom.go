package importer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// WeCom's group-detail response (企业微信 externalcontact/groupchat/get, what
// an operator's IT colleague or SCRM hands over): member_list entries with
// userid, type (1 staff, 2 external contact), join_time (Unix seconds),
// join_scene (1 direct invite, 2 invite link, 3 QR code), invitor.userid,
// group_nickname, name; owner and admin_list name the admins.

// wecomHeader is how a WeCom response is described to the wizard: its JSON
// keys, with the fields they fill.
var wecomHeader = []struct {
	key   string
	field MemberField
}{
	{"userid", FieldWeChatID},
	{"name", FieldNickname},
	{"group_nickname", FieldGroupNickname},
	{"join_time", FieldJoinedAt},
	{"join_scene", FieldJoinScene},
	{"invitor", FieldInviter},
	{"owner/admin_list", FieldRole},
	{"type", FieldExtra},
	{"unionid", FieldExtra},
}

// wecomScenes words join_scene as the member lists Excel users keep do.
var wecomScenes = map[int]string{1: "直接邀请入群", 2: "邀请链接入群", 3: "扫描群二维码入群"}

// wecomTypes words the member type.
var wecomTypes = map[int]string{1: "企业成员", 2: "外部联系人"}

type wecomMember struct {
	UserID        string      `json:"userid"`
	Type          int         `json:"type"`
	UnionID       string      `json:"unionid"`
	JoinTime      json.Number `json:"join_time"`
	JoinScene     int         `json:"join_scene"`
	GroupNickname string      `json:"group_nickname"`
	Name          string      `json:"name"`
	Invitor       struct {
		UserID string `json:"userid"`
	} `json:"invitor"`
}

type wecomEntry struct {
	line int
	m    wecomMember
	bad  error
}

// wecomChat gathers the parts of a response; the response may be the whole
// API answer ({errcode, errmsg, group_chat}) or just its group_chat object.
type wecomChat struct {
	errcode int
	errmsg  string
	owner   string
	admins  []string
	entries []wecomEntry
	found   bool // a member_list was seen
}

// parseMembersWeCom reads the response whole (it is small), then delivers
// members in list order; each record's line is where its object starts.
// userid becomes WxID (the sender id of WeCom's chat archive); the inviter is
// worded by name when the invitor is in the list; owner and admin_list give
// Tier admin; type and unionid go to Extra.
func parseMembersWeCom(r io.Reader, opt MemberOptions) (MemberFile, error) {
	mf := MemberFile{Format: MemberFormatWeCom, Encoding: EncodingUTF8}
	for _, h := range wecomHeader {
		mf.Header = append(mf.Header, h.key)
		mf.Fields = append(mf.Fields, h.field)
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxMemberFileBytes+1))
	if err != nil {
		return mf, fmt.Errorf("reading member list: %w", err)
	}
	if len(raw) > MaxMemberFileBytes {
		return mf, errFileTooLarge(int64(len(raw)))
	}
	// JSON is UTF-8 (a BOM may say UTF-16): bytes that are not are damage,
	// not a hint to read the whole response as GB18030.
	enc := bomEncoding(raw)
	if enc == EncodingUTF8 && !utf8.Valid(raw) {
		return mf, memberError("members.invalid_utf8", map[string]any{"line": invalidUTF8Line(raw)})
	}
	mf.Encoding = enc
	data, err := io.ReadAll(NewDecodedReader(bytes.NewReader(raw), enc))
	if err != nil {
		return mf, fmt.Errorf("decoding member list: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return mf, memberError("members.empty_file", nil)
	}
	if trimmed := bytes.TrimSpace(data); trimmed[0] != '{' {
		return mf, memberError("members.not_wecom", nil)
	}
	var chat wecomChat
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := chat.readObject(dec, data); err != nil {
		line := jsonLineAt(data, int(dec.InputOffset()))
		return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_json", Args: map[string]any{"line": line}, Err: err}
	}
	if chat.errcode != 0 {
		return mf, memberError("members.wecom_error", map[string]any{"code": chat.errcode, "message": chat.errmsg})
	}
	if !chat.found {
		return mf, memberError("members.not_wecom", nil)
	}

	names := map[string]string{}
	for _, e := range chat.entries {
		if e.bad == nil && e.m.UserID != "" {
			names[e.m.UserID] = cmp.Or(e.m.Name, e.m.GroupNickname)
		}
	}
	admins := map[string]bool{chat.owner: chat.owner != ""}
	for _, a := range chat.admins {
		admins[a] = true
	}
	for _, e := range chat.entries {
		mf.Rows++
		m, bad := wecomRecord(e, names, admins)
		if bad != nil {
			if opt.OnBad != nil {
				opt.OnBad(*bad)
			}
			continue
		}
		if opt.OnRecord != nil {
			if err := opt.OnRecord(MemberRecord{Line: e.line, Member: m}); err != nil {
				return mf, err
			}
		}
	}
	return mf, nil
}

func wecomRecord(e wecomEntry, names map[string]string, admins map[string]bool) (domain.Member, *LineError) {
	if e.bad != nil {
		return domain.Member{}, &LineError{Line: e.line, Key: "members.bad_entry", Args: map[string]any{"value": e.bad.Error()}}
	}
	w := e.m
	m := domain.Member{
		WxID:          w.UserID,
		Nickname:      w.Name,
		GroupNickname: w.GroupNickname,
		Tier:          domain.TierNormal,
	}
	if m.WxID == "" && m.Nickname == "" && m.GroupNickname == "" {
		return domain.Member{}, &LineError{Line: e.line, Key: "members.no_name"}
	}
	if admins[w.UserID] {
		m.Tier = domain.TierAdmin
	}
	if s := w.JoinTime.String(); s != "" && s != "0" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return domain.Member{}, &LineError{Line: e.line, Key: "members.bad_date", Args: map[string]any{"value": s}}
		}
		t := time.Unix(n, 0).UTC()
		m.JoinedAt = &t
	}
	if w.JoinScene != 0 {
		m.JoinScene = wecomScenes[w.JoinScene]
		if m.JoinScene == "" {
			m.JoinScene = strconv.Itoa(w.JoinScene)
		}
	}
	if id := w.Invitor.UserID; id != "" {
		m.Inviter = cmp.Or(names[id], id)
	}
	if t, ok := wecomTypes[w.Type]; ok {
		setExtra(&m, "type", t)
	}
	if w.UnionID != "" {
		setExtra(&m, "unionid", w.UnionID)
	}
	return m, nil
}

// readObject walks one JSON object, taking the keys it knows at any depth of
// group_chat nesting and skipping the rest.
func (c *wecomChat) readObject(dec *json.Decoder, data []byte) error {
	if err := expectJSONDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		switch key {
		case "errcode":
			var n json.Number
			if err := dec.Decode(&n); err != nil {
				return err
			}
			code, _ := strconv.Atoi(n.String())
			c.errcode = code
		case "errmsg":
			if err := dec.Decode(&c.errmsg); err != nil {
				return err
			}
		case "group_chat":
			if err := c.readObject(dec, data); err != nil {
				return err
			}
		case "owner":
			if err := dec.Decode(&c.owner); err != nil {
				return err
			}
		case "admin_list":
			var admins []struct {
				UserID string `json:"userid"`
			}
			if err := dec.Decode(&admins); err != nil {
				return err
			}
			for _, a := range admins {
				c.admins = append(c.admins, a.UserID)
			}
		case "member_list":
			if err := c.readMembers(dec, data); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
		}
	}
	_, err := dec.Token() // the closing }
	return err
}

func (c *wecomChat) readMembers(dec *json.Decoder, data []byte) error {
	c.found = true
	if err := expectJSONDelim(dec, '['); err != nil {
		return err
	}
	lines := jsonLineCounter{data: data, line: 1}
	for dec.More() {
		line := lines.at(jsonValueStart(data, int(dec.InputOffset())))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err // a syntax error: the rest cannot be trusted
		}
		var m wecomMember
		err := json.Unmarshal(raw, &m)
		var typeErr *json.UnmarshalTypeError
		if err != nil && !errors.As(err, &typeErr) {
			return err
		}
		c.entries = append(c.entries, wecomEntry{line: line, m: m, bad: err})
	}
	_, err := dec.Token() // the closing ]
	return err
}

func expectJSONDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("expected %q, found %v", want, tok)
	}
	return nil
}

// valueStart skips the separators between InputOffset and the next value.
func jsonValueStart(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// jsonLineCounter gives the lines of increasing offsets, counting each byte once.
type jsonLineCounter struct {
	data []byte
	off  int
	line int
}

func (c *jsonLineCounter) at(off int) int {
	if off > len(c.data) {
		off = len(c.data)
	}
	if off > c.off {
		c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
		c.off = off
	}
	return c.line
}

// jsonLineAt is the 1-based line of byte offset off.
func jsonLineAt(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// invalidUTF8Line is the line of the first byte of b that is not UTF-8.
func invalidUTF8Line(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			break
		}
		if r == '\n' {
			line++
		}
		b = b[n:]
	}
	return line
}
