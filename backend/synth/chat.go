package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"qunzhu/backend/domain"
)

// Person is one member of the synthetic group, as the truth knows them.
type Person struct {
	Key           string // short stable name for tests and messages: "owner", "admin", "wang_bj" …
	WxID          string // chat sender id (wxid_…); also the WeCom id (see the package doc)
	Nickname      string // 昵称; "" for the person known only by wxid
	GroupNickname string // 群昵称
	Remark        string // 备注: the exporting account's remark for this person
	WeChatID      string // 微信号 on the member list; never the wxid
	Listed        bool   // on the member lists
	Exporter      bool   // the exporting account (the group owner)
	OnlyID        bool   // every export shows this person by their wxid alone
	Gender        string
	Region        string
	JoinScene     string    // 入群方式
	Inviter       string    // 邀请人 (a nickname)
	Tags          []string  // 标签 (群主, 管理员, 新人 …)
	ListJoinedAt  time.Time // the list's 入群时间 (whole minutes); zero when unlisted
}

// DisplayName is the name the exporting account sees: the remark, else the
// group nickname, else the nickname, else the wxid. Text exports and
// chatlog's senderName show it; system messages name people by it.
func (p Person) DisplayName() string {
	for _, s := range []string{p.Remark, p.GroupNickname, p.Nickname} {
		if s != "" {
			return s
		}
	}
	return p.WxID
}

// Admin reports whether the member list's tags make this person an admin
// (群主 or 管理员): staff in every message.
func (p Person) Admin() bool {
	return slices.Contains(p.Tags, "群主") || slices.Contains(p.Tags, "管理员")
}

// EventType is what a system message says happened.
type EventType string

const (
	Join  EventType = "join"
	Leave EventType = "leave"
)

// Event is a join or leave written as a system message.
type Event struct {
	Type  EventType
	Actor int   // the inviter's index, -1 when none
	Names []int // who joined or left
}

// Message is one message as it really happened.
type Message struct {
	Sender int       // index in Chat.People; -1 for a system message
	At     time.Time // the true instant, whole seconds, in Chat.Location
	Kind   domain.Kind
	// Text is a text's words, a quote's reply, a link card's title or a
	// system message's notice; "" for images, emoji, voice and video.
	Text string
	// URL is a link card's URL. LostURL marks the card whose URL MemoTrace
	// (the whole card) and chatlog (contents.url) lose.
	URL     string
	LostURL bool
	// Quoted is the index in Chat.Messages of the message a quote quotes.
	Quoted int
	Event  *Event // a system message's join or leave; nil otherwise
	// MinuteInCSV marks a row the typed CSV writes without seconds.
	MinuteInCSV bool
	// Nonce feeds the ids, hashes and milliseconds the writers invent, so
	// every file is a function of the seed.
	Nonce uint64
}

// Countable reports whether the message counts as a message (docs/metrics.md):
// any kind but system.
func (m Message) Countable() bool { return m.Kind != domain.KindSystem }

// Chat is the ground truth of the synthetic group.
type Chat struct {
	Seed      uint64
	Group     string // the group's name, as text exports' headers write it
	RoomID    string // WeChat's chat room id (…@chatroom)
	WeComRoom string // the archive's roomid
	Location  *time.Location
	People    []Person
	Messages  []Message // in time order
	// Start and End bound the chat: Monday 2024-03-11 00:00 to Monday
	// 2024-04-01 00:00 local, ISO weeks 2024-W11 to 2024-W13.
	Start, End time.Time
}

// cst is China Standard Time. A fixed zone (China has no daylight saving
// time) keeps the package free of the tz database.
var cst = time.FixedZone("CST", 8*3600)

// New builds the synthetic chat for a seed.
func New(seed uint64) *Chat {
	rng := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	c := &Chat{
		Seed:     seed,
		Group:    "晨读打卡营",
		Location: cst,
		Start:    time.Date(2024, 3, 11, 0, 0, 0, 0, cst),
		End:      time.Date(2024, 4, 1, 0, 0, 0, 0, cst),
	}
	c.RoomID = strconv.FormatUint(1e10+rng.Uint64()%9e10, 10) + "@chatroom"
	c.WeComRoom = "wrSynth" + randomID(rng, 16) + "AAAA"
	c.People = cast(rng)
	newScript(c, rng).run()
	return c
}

// Person returns the index of the person with the given key; it panics on
// an unknown key (a typo in a test).
func (c *Chat) Person(key string) int {
	for i, p := range c.People {
		if p.Key == key {
			return i
		}
	}
	panic("synth: no person " + key)
}

// randomID is n random lowercase letters and digits.
func randomID(rng *rand.Rand, n int) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[rng.IntN(len(digits))]
	}
	return string(b)
}
