package app

import (
	"math"
	"time"

	"qunzhu/backend/automation"
	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
	"qunzhu/backend/screening"
	"qunzhu/backend/store"
	"qunzhu/backend/tiers"
)

// OptionsService hands the window every limit, default, point value and
// threshold that Go enforces or computes with, so the frontend holds no
// copy of a rule: it loads Options once at start (frontend/src/options.ts)
// and its forms and texts take the values from there. TestOptions* checks
// that no frontend file writes one of these numbers itself.
type OptionsService struct{}

// OptionsDTO is everything Options returns, grouped by what it is.
type OptionsDTO struct {
	Limits     LimitsDTO     `json:"limits"`
	Lengths    LengthsDTO    `json:"lengths"`
	Defaults   DefaultsDTO   `json:"defaults"`
	Points     PointsDTO     `json:"points"`
	Thresholds ThresholdsDTO `json:"thresholds"`
}

// RangeDTO is the range Go refuses a number outside of. Off: 0 is accepted
// too and turns the rule off.
type RangeDTO struct {
	Min int  `json:"min"`
	Max int  `json:"max"`
	Off bool `json:"off"`
}

// LimitsDTO are the ranges of the numbers the forms send.
type LimitsDTO struct {
	CadenceShares  RangeDTO `json:"cadenceShares"`
	CadenceCap     RangeDTO `json:"cadenceCap"`
	CadenceGap     RangeDTO `json:"cadenceGap"` // minutes
	ScreeningOpen  RangeDTO `json:"screeningOpen"`
	ScreeningClose RangeDTO `json:"screeningClose"`
	RiskThreshold  RangeDTO `json:"riskThreshold"`
	BackupKeep     RangeDTO `json:"backupKeep"`
	FloodCount     RangeDTO `json:"floodCount"`
	FloodSeconds   RangeDTO `json:"floodSeconds"`
	StrikeDays     RangeDTO `json:"strikeDays"`
	StrikeLimit    RangeDTO `json:"strikeLimit"`
	InactiveDays   RangeDTO `json:"inactiveDays"`
	ShareQuota     RangeDTO `json:"shareQuota"`
	TargetSize     RangeDTO `json:"targetSize"`
	Points         RangeDTO `json:"points"` // one grant or redemption, either sign
	// the live watch (issue 24): a source's poll interval in seconds, and
	// the rules' wait before an unanswered question reminds, in minutes
	// (empty: the default)
	LiveEvery    RangeDTO `json:"liveEvery"`
	ReplyMinutes RangeDTO `json:"replyMinutes"`
}

// LengthsDTO are the longest texts (in characters) and lists Go accepts;
// MinPassphrase is the shortest passphrase.
type LengthsDTO struct {
	GroupName     int `json:"groupName"`
	Notes         int `json:"notes"`
	Tags          int `json:"tags"`
	Tag           int `json:"tag"`
	PointsReason  int `json:"pointsReason"`
	Operator      int `json:"operator"`
	RuleWords     int `json:"ruleWords"`
	RuleWord      int `json:"ruleWord"`
	RiskWords     int `json:"riskWords"`
	RiskWord      int `json:"riskWord"`
	Playbook      int `json:"playbook"`
	Template      int `json:"template"`
	Keyword       int `json:"keyword"`
	Keywords      int `json:"keywords"`
	Link          int `json:"link"`
	MinPassphrase int `json:"minPassphrase"`
}

// DefaultsDTO are the values a new group, rule set or setting starts with.
type DefaultsDTO struct {
	FloodCount   int    `json:"floodCount"`
	FloodSeconds int    `json:"floodSeconds"`
	StrikeDays   int    `json:"strikeDays"`
	StrikeLimit  int    `json:"strikeLimit"`
	InactiveDays int    `json:"inactiveDays"`
	ShareQuota   int    `json:"shareQuota"`
	OpenHour     int    `json:"openHour"`
	CloseHour    int    `json:"closeHour"`
	BackupKeep   int    `json:"backupKeep"`
	TimeZone     string `json:"timeZone"`
	CheckinWord  string `json:"checkinWord"`
	// Profiles is the benchmark profile a new group of each type starts with.
	Profiles map[string]string `json:"profiles"`
	// the live watch (issue 24): a new source's poll interval (seconds) and
	// the wait before a question reminds when the rules leave it empty
	LiveEverySeconds int `json:"liveEverySeconds"`
	ReplyMinutes     int `json:"replyMinutes"`
}

// PointsDTO are the points a member earns automatically.
type PointsDTO struct {
	Checkin int `json:"checkin"` // per check-in day
	Share   int `json:"share"`   // per theme share given
}

// ThresholdsDTO are the lines the checks, tiers, screening and windows draw;
// shares are in whole percent.
type ThresholdsDTO struct {
	ResponseMinutes    int `json:"responseMinutes"`
	NewMembers         int `json:"newMembers"`
	MuteRatePercent    int `json:"muteRatePercent"`
	LinkClickPercent   int `json:"linkClickPercent"`
	ChecksTotal        int `json:"checksTotal"`
	ScoreGood          int `json:"scoreGood"`
	ScoreFair          int `json:"scoreFair"`
	AdminPercent       int `json:"adminPercent"`
	CorePercent        int `json:"corePercent"`
	NormalPercent      int `json:"normalPercent"`
	TopPercent         int `json:"topPercent"` // the band a core member must stay in
	MinFriends         int `json:"minFriends"`
	MinOverlapPercent  int `json:"minOverlapPercent"`
	ActivityDays       int `json:"activityDays"`
	TrendWeeks         int `json:"trendWeeks"`
	ReplyWindowMinutes int `json:"replyWindowMinutes"`
	PrimeStartMinute   int `json:"primeStartMinute"` // minutes after midnight
	PrimeEndMinute     int `json:"primeEndMinute"`
	FraudTimerMinutes  int `json:"fraudTimerMinutes"` // how long a fraud incident may stay open
	// TargetMix is the content mix aimed at, in content.Types order.
	TargetMix            []MixShareDTO `json:"targetMix"`
	OpenRatePercent      int           `json:"openRatePercent"`
	ConversionPercent    int           `json:"conversionPercent"`
	ParticipationPercent int           `json:"participationPercent"`
}

// Options returns the rules as Go holds them.
func (s *OptionsService) Options() OptionsDTO {
	return OptionsDTO{Limits: limits(), Lengths: lengths(), Defaults: defaults(), Points: PointsDTO{Checkin: metrics.CheckinPoints, Share: metrics.SharePoints}, Thresholds: thresholds()}
}

func limits() LimitsDTO {
	return LimitsDTO{
		CadenceShares:  RangeDTO{Min: 0, Max: content.MaxSharesPerWeek},
		CadenceCap:     RangeDTO{Min: 1, Max: content.MaxDailyCap},
		CadenceGap:     RangeDTO{Min: 0, Max: content.MaxMinGapMinutes},
		ScreeningOpen:  RangeDTO{Min: 0, Max: screening.MaxOpenHour},
		ScreeningClose: RangeDTO{Min: 1, Max: screening.MaxCloseHour},
		RiskThreshold:  RangeDTO{Min: risk.MinBurstThreshold, Max: risk.MaxBurstThreshold},
		BackupKeep:     RangeDTO{Min: 1, Max: store.MaxBackupKeep},
		FloodCount:     RangeDTO{Min: domain.MinFloodCount, Max: domain.MaxFloodCount, Off: true},
		FloodSeconds:   RangeDTO{Min: 1, Max: domain.MaxFloodSeconds},
		StrikeDays:     RangeDTO{Min: 1, Max: domain.MaxStrikeDays},
		StrikeLimit:    RangeDTO{Min: 1, Max: domain.MaxStrikeLimit},
		InactiveDays:   RangeDTO{Min: domain.MinInactiveDays, Max: domain.MaxInactiveDays, Off: true},
		ShareQuota:     RangeDTO{Min: 0, Max: domain.MaxShareQuota},
		TargetSize:     RangeDTO{Min: 0, Max: domain.MaxTargetSize},
		Points:         RangeDTO{Min: 1, Max: domain.MaxPointsEntry},
		LiveEvery:      RangeDTO{Min: domain.MinLiveEverySeconds, Max: domain.MaxLiveEverySeconds},
		ReplyMinutes:   RangeDTO{Min: domain.MinReplyMinutes, Max: domain.MaxReplyMinutes},
	}
}

func lengths() LengthsDTO {
	return LengthsDTO{
		GroupName: domain.MaxGroupNameLen, Notes: domain.MaxNotesLen, Tags: domain.MaxTags, Tag: domain.MaxTagLen,
		PointsReason: domain.MaxPointsReason, Operator: domain.OperatorMaxLen,
		RuleWords: domain.MaxRuleWords, RuleWord: domain.MaxRuleWordLen, RiskWords: risk.MaxWords, RiskWord: risk.MaxWordLen,
		Playbook: risk.MaxPlaybookLen, Template: automation.MaxTemplateLen, Keyword: automation.MaxKeywordLen,
		Keywords: automation.MaxKeywords, Link: automation.MaxLinkLen, MinPassphrase: store.MinPassphrase,
	}
}

func defaults() DefaultsDTO {
	r, c := metrics.DefaultRules(), screening.DefaultCriteria()
	d := DefaultsDTO{
		FloodCount: r.FloodCount, FloodSeconds: int(r.FloodWithin / time.Second),
		StrikeDays: r.StrikeDays, StrikeLimit: r.StrikeLimit, InactiveDays: r.InactiveDays, ShareQuota: r.ShareQuota,
		OpenHour: c.OpenHour, CloseHour: c.CloseHour, BackupKeep: store.DefaultBackupKeep,
		TimeZone: domain.DefaultTimeZone, CheckinWord: domain.DefaultCheckinWord, Profiles: map[string]string{},
		LiveEverySeconds: domain.DefaultLiveEverySeconds, ReplyMinutes: domain.DefaultReplyMinutes,
	}
	for _, t := range domain.GroupTypes {
		d.Profiles[string(t)] = string(domain.DefaultProfile(t))
	}
	return d
}

func thresholds() ThresholdsDTO {
	var mix []MixShareDTO
	for _, t := range content.Types {
		mix = append(mix, MixShareDTO{Type: string(t), Percent: content.TargetMix[t]})
	}
	return ThresholdsDTO{
		TargetMix: mix, OpenRatePercent: percent(content.OpenRateReference),
		ConversionPercent: percent(content.ConversionReference), ParticipationPercent: percent(content.ParticipationReference),
		ResponseMinutes: metrics.ResponseLimitMinutes, NewMembers: metrics.NewMembersLimit,
		MuteRatePercent: percent(metrics.MuteRateLimit), LinkClickPercent: percent(metrics.LinkClickRateLimit),
		ChecksTotal: metrics.ChecksTotal, ScoreGood: metrics.ScoreGood, ScoreFair: metrics.ScoreFair,
		AdminPercent: tiers.AdminPercent, CorePercent: tiers.CorePercent, NormalPercent: 100 - tiers.AdminPercent - tiers.CorePercent,
		TopPercent: tiers.TopPercent, MinFriends: screening.MinFriends, MinOverlapPercent: percent(screening.MinOverlap),
		ActivityDays: ledger.ActivityDays, TrendWeeks: metrics.TrendWeeks, ReplyWindowMinutes: int(automation.ReplyWindow / time.Minute),
		PrimeStartMinute: int(content.PrimeStart), PrimeEndMinute: int(content.PrimeEnd),
		FraudTimerMinutes: int(risk.Timer(risk.Fraud) / time.Minute),
	}
}

// MixShareDTO is one content type's share of the target mix, in percent.
type MixShareDTO struct {
	Type    string `json:"type"`
	Percent int    `json:"percent"`
}

// percent turns a share (0.35) into whole percent (35).
func percent(share float64) int { return int(math.Round(share * 100)) }
