package demo

import (
	"math/rand/v2"
	"time"

	"qunzhu/backend/domain"
)

// spec describes one demo group: who is in it, how they come and go, how much
// and when they talk, and what they say.
type spec struct {
	key   string // infix of member wxids
	seed  uint64
	input domain.GroupInput

	// Members.
	owner, alias   staffSeed
	admins         []staffSeed
	initial        int // ordinary members present before the window
	classes        [4]float64
	joinClasses    [4]float64
	waveClasses    [4]float64
	style          nameStyle
	regions        []string
	groupNick      string // template of a group nickname
	groupNickShare float64
	phoneShare     float64
	maxFriends     float64
	tags           func(r *rand.Rand) []string

	// Comings and goings per week.
	joins, leaves  [2]int
	waveWeek       int // full week (0 = oldest) of a recruiting wave, -1 for none
	waveJoins      [2]int
	waveQuickLeave float64 // share of wave recruits gone within two days
	removeShare    float64 // share of lurker leaves that are removals
	welcomeShare   float64
	spam           int
	memberAds      int
	floods         int
	attacks        int

	// Talk.
	chatPerDay    float64 // free-conversation messages on an average day
	weekday       [7]float64
	hours         [24]float64
	trend         float64 // relative change of activity across the window
	questionShare float64 // of conversation openers
	postShare     float64 // of conversation openers (supply/demand posts)
	staffInChat   float64 // chance a follow-up comes from staff
	awayWeek      int     // full week whose weekend staff are away, -1 for none
	delays        []delayBucket
	kinds         kindMix
	habits        habitSpec
	weekendFactor float64 // check-ins at weekends relative to weekdays
	c             *content
	schedule      func(b *builder, d *day)
}

// staffSeed is a named staff member.
type staffSeed struct {
	nick, groupNick, real, gender, region, tags string
	weight                                      float64
}

// delayBucket is a share of questions answered after a delay in [lo, hi);
// a bucket with hi 0 is the share never answered by a dedicated reply.
type delayBucket struct {
	share  float64
	lo, hi time.Duration
}

// kindMix is the share of each non-text kind among remarks.
type kindMix struct {
	image, emoji, voice, video, link, file, mini, quote float64
}

// habitSpec sets how many members keep a check-in routine and how often.
type habitSpec struct {
	members          int
	morning, evening [2]float64
	minute           [2]int // range of the usual morning minute of day
}

// qa is a question template with answers that fit it.
type qa struct {
	q string
	a []string
}

// content is what a group's people say.
type content struct {
	slots       slots
	topics      []string // remarks that open a conversation
	posts       []string // supply/demand posts
	questions   []qa
	replies     []string
	echoes      []string // peers joining a question: 同问
	staffChat   []string
	welcomes    []string
	greetings   []string
	checkins    []string
	checkinsEve []string
	linkTitles  []string
	files       []string
	minis       []string
	flood       []string
	ads         []string // ads by word
	linkAds     []string // ads by an off-whitelist link
	spamAds     []string
	attacks     []string
}

func (sp *spec) weekendCheckin(wd int) float64 {
	if wd >= 5 {
		return sp.weekendFactor
	}
	return 1
}

func specs() []*spec { return []*spec{eduSpec(), shopSpec(), bizSpec()} }

func minutes(m int) time.Duration { return time.Duration(m) * time.Minute }

// commonReplies are short reactions heard in any group.
var commonReplies = []string{"哈哈哈", "哈哈哈哈", "👍", "收到", "好的", "+1", "对的",
	"确实", "有道理", "同意", "赞", "🙏", "😂", "厉害了", "可以的", "谢谢", "嗯嗯", "真的",
	"学到了", "666"}

// tagsFrom draws a member's tags: each rule adds its tag with its chance.
func tagsFrom(r *rand.Rand, rules ...tagRule) []string {
	var out []string
	for _, t := range rules {
		if r.Float64() < t.p {
			out = append(out, t.tag)
		}
	}
	return out
}

type tagRule struct {
	tag string
	p   float64
}

// Hour curves, 00–23 local. All share quiet nights (01–06) and a clear
// 20:00–22:00 peak, the seed's prime time.
var (
	hoursEdu = [24]float64{1.0, 0.35, 0.12, 0.08, 0.08, 0.12, 0.4, 1.0, 1.6, 2.4, 2.6, 2.6,
		3.2, 2.8, 2.2, 2.3, 2.4, 2.5, 3.0, 3.8, 8.4, 8.8, 5.2, 2.6}
	hoursShop = [24]float64{1.2, 0.45, 0.18, 0.1, 0.08, 0.12, 0.45, 1.5, 2.5, 3.2, 3.8, 3.4,
		4.2, 3.4, 3.0, 3.0, 3.2, 3.3, 3.8, 4.6, 8.6, 8.8, 5.0, 2.6}
	hoursBiz = [24]float64{0.8, 0.3, 0.1, 0.06, 0.06, 0.1, 0.4, 1.5, 3.0, 4.0, 4.5, 4.4,
		3.5, 3.4, 4.2, 4.4, 4.2, 3.8, 3.2, 4.0, 8.4, 8.6, 4.5, 2.0}
)
