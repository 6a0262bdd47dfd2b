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

var defaultPlaybooks = []Playbook{
	{Key: "backup_notice", Lang: "zh", Category: Compliance, Title: "备用群通知",
		Body: "【重要通知】各位{群名}的朋友：为防止本群因不可抗力无法使用，我们已建立备用群「{备用群}」。请大家现在就加入备用群，如本群出现异常，所有通知将在备用群发布。谨防冒充管理员的私聊，官方不会私下要求转账。\n——{群名}管理组 {日期}"},
	{Key: "legal_statement", Lang: "zh", Category: Compliance, Title: "法律声明",
		Body: "【声明】{日期}，本群发现有人{事件}。本群郑重声明：本群管理员不会以任何理由要求群成员私下转账、扫码付款或提供验证码、身份证号等个人信息。任何冒用本群名义的行为均与本群无关，我们保留依法追究其法律责任的权利。如遇可疑情况请立即联系管理员。\n——{群名}管理组"},
	{Key: "pr_complaint", Lang: "zh", Category: PublicOpinion, Title: "公关话术：集中投诉",
		Body: "各位朋友，关于{事件}，我们已经注意到大家的反馈，非常抱歉给大家带来不好的体验。我们已安排专人逐一私聊处理，今天内给每位朋友明确答复（退换货、退款均可）。处理进展会在群里同步，感谢大家的耐心和监督。\n——{群名} {日期}"},
	{Key: "pr_quality", Lang: "zh", Category: PublicOpinion, Title: "公关话术：产品质量质疑",
		Body: "关于群友反映的{事件}，我们高度重视：1. 该批次已暂停销售并送检；2. 已购买的朋友可无理由退款，私聊管理员登记即可；3. 检测结果出来后第一时间在群内公布。请大家以官方通知为准，不信谣不传谣。\n——{群名} {日期}"},
	{Key: "pr_fraud_warning", Lang: "zh", Category: Fraud, Title: "防骗提醒",
		Body: "【防骗提醒】{日期}，群内出现{事件}，相关成员已被移出。请大家注意：凡是私聊要求转账、发红包链接、扫码领奖、刷单返利的，都是骗子！官方活动只在群公告发布。如已转账请立即联系管理员并报警（110 / 96110）。\n——{群名}管理组"},
	{Key: "data_leak_notice", Lang: "zh", Category: DataLeak, Title: "数据泄露告知",
		Body: "【告知】{日期}，本群发生{事件}，涉及部分成员的个人信息。我们已删除相关消息并在追查来源，24小时内公布处理结果。请相关成员留意陌生来电和短信，不要向任何人透露验证码。给大家带来的困扰，我们深表歉意。如有疑问请私聊管理员。\n——{群名}管理组"},

	{Key: "backup_notice", Lang: "en", Category: Compliance, Title: "Backup group notice",
		Body: "[Important] Dear members of {group}: in case this group becomes unavailable, we have set up a backup group, \"{backup}\". Please join it now; if anything happens here, every notice will go out there. Beware of private messages from fake admins: we never ask for transfers in private.\n— {group} admins, {date}"},
	{Key: "legal_statement", Lang: "en", Category: Compliance, Title: "Legal statement",
		Body: "[Statement] On {date} we found {event} in this group. The admins of this group never ask members to transfer money in private, pay by QR code, or share verification codes or ID numbers. Anything done in this group's name without our consent is not ours, and we reserve the right to take legal action. Please tell an admin about anything suspicious.\n— {group} admins"},
	{Key: "pr_complaint", Lang: "en", Category: PublicOpinion, Title: "PR script: many complaints",
		Body: "Everyone, about {event}: we have read your messages and we are sorry for the trouble. A colleague is contacting each of you in private and everyone will have a clear answer today (exchange or refund). We will post progress here. Thank you for your patience.\n— {group}, {date}"},
	{Key: "pr_quality", Lang: "en", Category: PublicOpinion, Title: "PR script: quality questioned",
		Body: "About {event} reported by members: 1. the batch is off sale and sent for testing; 2. anyone who bought it can get a refund, just message an admin; 3. we will post the test results here as soon as we have them. Please rely on official notices only.\n— {group}, {date}"},
	{Key: "pr_fraud_warning", Lang: "en", Category: Fraud, Title: "Fraud warning",
		Body: "[Fraud warning] On {date}, {event} appeared in this group and the members involved have been removed. Anyone who asks you in private to transfer money, open a red-packet link, scan a code for a prize or do paid order brushing is a scammer. Official events are announced only in the group notice. If you have paid, contact an admin and the police now.\n— {group} admins"},
	{Key: "data_leak_notice", Lang: "en", Category: DataLeak, Title: "Data leak notice",
		Body: "[Notice] On {date}, {event} happened in this group and involved some members' personal information. We have deleted the messages and are tracing the source; we will post the outcome within 24 hours. Please watch for unknown calls and texts and never share a verification code. We apologise for the trouble.\n— {group} admins"},
}
