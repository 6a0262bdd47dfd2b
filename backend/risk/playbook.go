package risk

import (
	"strings"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// Playbook is one editable template of the library: what to post or say
// when something goes wrong. Placeholders in braces are filled for a group.
type Playbook struct {
	Key      string   `json:"key"`
	Lang     string   `json:"lang"` // "zh" or "en"
	Category Category `json:"category"`
	Title    string   `json:"title"`
	Body     string   `json:"body"`
	Version  int      `json:"version"` // 0: the built-in text, never edited
}

// Placeholders a template may use; each has a Chinese and an English name.
var Placeholders = [][2]string{{"{群名}", "{group}"}, {"{日期}", "{date}"}, {"{事件}", "{event}"}, {"{备用群}", "{backup}"}}

// Vars are the values filled into a template.
type Vars struct {
	Group  string
	Date   string
	Event  string
	Backup string
}

// Fill replaces the placeholders in body; an empty value leaves its
// placeholder standing so the operator sees what is still to write.
func Fill(body string, v Vars) string {
	vals := []string{v.Group, v.Date, v.Event, v.Backup}
	for i, p := range Placeholders {
		if vals[i] == "" {
			continue
		}
		body = strings.ReplaceAll(body, p[0], vals[i])
		body = strings.ReplaceAll(body, p[1], vals[i])
	}
	return body
}

// Missing lists the placeholders still standing in a filled text, as the
// text writes them ({事件} or {event}), in the order of Placeholders.
func Missing(text string) []string {
	var out []string
	for _, p := range Placeholders {
		for _, name := range p {
			if strings.Contains(text, name) {
				out = append(out, name)
				break
			}
		}
	}
	return out
}

// MaxPlaybookLen bounds a template's body (characters).
const MaxPlaybookLen = 4000

// Validate checks an edited template.
func (p Playbook) Validate() (Playbook, error) {
	d, ok := DefaultPlaybook(p.Key, p.Lang)
	if !ok {
		return p, domain.Errorf(domain.EINVALID, "risk.playbook_unknown", map[string]any{"value": p.Key})
	}
	p.Title, p.Body = strings.TrimSpace(p.Title), strings.TrimSpace(p.Body)
	if p.Title == "" {
		p.Title = d.Title
	}
	if p.Body == "" {
		return p, domain.Errorf(domain.EINVALID, "risk.playbook_empty", nil)
	}
	if n := utf8.RuneCountInString(p.Body); n > MaxPlaybookLen {
		return p, domain.Errorf(domain.EINVALID, "risk.playbook_too_long", map[string]any{"max": MaxPlaybookLen})
	}
	p.Category = d.Category
	return p, nil
}

// PlaybookKeys lists the library's templates in display order.
var PlaybookKeys = []string{"backup_notice", "legal_statement", "pr_complaint", "pr_quality", "pr_fraud_warning", "data_leak_notice"}

// fits says which incident types each template answers: a complaint script
// never speaks of fraud. The backup-group notice fits any incident.
var fits = map[string][]Category{
	"backup_notice":    Categories,
	"legal_statement":  {Fraud, DataLeak, Compliance},
	"pr_complaint":     {PublicOpinion},
	"pr_quality":       {PublicOpinion},
	"pr_fraud_warning": {Fraud},
	"data_leak_notice": {DataLeak},
}

// Fits reports whether template key is one to use for an incident of type c.
func Fits(key string, c Category) bool {
	for _, x := range fits[key] {
		if x == c {
			return true
		}
	}
	return false
}

// DefaultPlaybook is the built-in text of a template in lang ("zh" or "en").
func DefaultPlaybook(key, lang string) (Playbook, bool) {
	if lang != "en" {
		lang = "zh"
	}
	for _, p := range defaultPlaybooks {
		if p.Key == key && p.Lang == lang {
			return p, true
		}
	}
	return Playbook{}, false
}

// DefaultPlaybooks are the built-in templates in lang, in display order.
func DefaultPlaybooks(lang string) []Playbook {
	out := make([]Playbook, 0, len(PlaybookKeys))
	for _, k := range PlaybookKeys {
		p, _ := DefaultPlaybook(k, lang)
		out = append(out, p)
	}
	return out
}

// The built-in texts. {事件} / {event} is a noun phrase that follows
// "关于" / "Regarding": EventText gives it as "11月28日群内出现的诈骗信息" /
// "the fraud messages posted in the group on November 28", and the operator
// writes it the same way when a template is not opened from an incident.
// {日期} / {date} is the day the text is posted, in the signature.
var defaultPlaybooks = []Playbook{
	{Key: "backup_notice", Lang: "zh", Category: Compliance, Title: "备用群通知",
		Body: "【重要通知】{群名}的各位朋友：为防止本群因意外无法使用，我们建立了备用群「{备用群}」，请大家现在就加入。如果本群出现异常，所有通知都会在备用群发布。请谨防冒充管理员的私聊：管理员不会私下要求任何人转账。\n——{群名}管理组 {日期}"},
	{Key: "legal_statement", Lang: "zh", Category: Compliance, Title: "法律声明",
		Body: "【声明】关于{事件}，本群郑重声明：本群管理员不会以任何理由要求群成员私下转账、扫码付款，或提供验证码、身份证号等个人信息。任何人冒用本群名义的行为均与本群无关，我们保留依法追究其法律责任的权利。如遇可疑情况，请立即联系管理员。\n——{群名}管理组 {日期}"},
	{Key: "pr_complaint", Lang: "zh", Category: PublicOpinion, Title: "公关话术：集中投诉",
		Body: "各位朋友，关于{事件}，我们都已看到，非常抱歉给大家带来了不好的体验。我们已安排专人逐一私聊处理，今天之内给每位朋友明确答复（可以退换货，也可以退款）。处理进展会在群里同步，感谢大家的耐心和监督。\n——{群名} {日期}"},
	{Key: "pr_quality", Lang: "zh", Category: PublicOpinion, Title: "公关话术：产品质量质疑",
		Body: "关于{事件}，我们高度重视，处理如下：1. 相关批次已暂停销售并送检；2. 已购买的朋友可以无理由退款，私聊管理员登记即可；3. 检测结果出来后，我们会第一时间在群内公布。请大家以官方通知为准，不信谣、不传谣。\n——{群名} {日期}"},
	{Key: "pr_fraud_warning", Lang: "zh", Category: Fraud, Title: "防骗提醒",
		Body: "【防骗提醒】关于{事件}：相关成员已被移出本群。请大家注意：凡是私聊要求转账、发红包链接、扫码领奖、刷单返利的，都是骗子！官方活动只在群公告发布。如已转账，请立即联系管理员并报警（110 / 96110）。\n——{群名}管理组 {日期}"},
	{Key: "data_leak_notice", Lang: "zh", Category: DataLeak, Title: "数据泄露告知",
		Body: "【告知】关于{事件}，我们已删除相关消息，正在追查来源，并将在24小时内公布处理结果。请相关成员留意陌生来电和短信，不要向任何人透露验证码。给大家带来困扰，我们深表歉意。如有疑问，请私聊管理员。\n——{群名}管理组 {日期}"},

	{Key: "backup_notice", Lang: "en", Category: Compliance, Title: "Backup group notice",
		Body: "[Important] Dear members of {group}: in case this group becomes unavailable, we have set up a backup group, \"{backup}\". Please join it now; if anything happens here, every notice will be posted there. Beware of private messages from fake admins: our admins never ask anyone for a transfer in private.\n— {group} admins, {date}"},
	{Key: "legal_statement", Lang: "en", Category: Compliance, Title: "Legal statement",
		Body: "[Statement] Regarding {event}: the admins of this group never ask members to transfer money in private, to pay by QR code, or to share verification codes, ID numbers or other personal information. Anything done in this group's name without our consent has nothing to do with us, and we reserve the right to take legal action. If anything looks suspicious, tell an admin at once.\n— {group} admins, {date}"},
	{Key: "pr_complaint", Lang: "en", Category: PublicOpinion, Title: "PR script: many complaints",
		Body: "Everyone, regarding {event}: we have read every message, and we are sorry for the trouble. A colleague is contacting each of you in private, and everyone will have a clear answer today (an exchange or a refund). We will post progress here. Thank you for your patience.\n— {group}, {date}"},
	{Key: "pr_quality", Lang: "en", Category: PublicOpinion, Title: "PR script: quality questioned",
		Body: "Regarding {event}: we take this seriously. 1. The batch is off sale and has been sent for testing. 2. Anyone who bought it can get a refund: just message an admin. 3. We will post the test results here as soon as we have them. Please rely on official notices only.\n— {group}, {date}"},
	{Key: "pr_fraud_warning", Lang: "en", Category: Fraud, Title: "Fraud warning",
		Body: "[Fraud warning] Regarding {event}: the members involved have been removed from the group. Anyone who asks you in private to transfer money, open a red-packet link, scan a code for a prize or do paid order brushing is a scammer. Official events are announced only in the group notice. If you have paid, contact an admin and the police now (110 / 96110).\n— {group} admins, {date}"},
	{Key: "data_leak_notice", Lang: "en", Category: DataLeak, Title: "Data leak notice",
		Body: "[Notice] Regarding {event}: we have deleted the messages, are tracing the source and will post the outcome within 24 hours. Please watch for unknown calls and texts, and never share a verification code with anyone. We apologise for the trouble. If you have questions, message an admin.\n— {group} admins, {date}"},
}
