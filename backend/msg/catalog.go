package msg

// The catalogues. Every key exists in both; TestCatalogParity enforces it.
// Words follow the glossary of docs/ux.md. Each area keeps its keys in a file
// of its own (catalog_*.go) and merges them in with register, so parallel
// work never edits one shared map.

var zh = map[string]string{}

var en = map[string]string{}

// register adds an area's keys; a key defined twice is a programming error.
func register(zhKeys, enKeys map[string]string) {
	for _, pair := range []struct{ dst, src map[string]string }{{zh, zhKeys}, {en, enKeys}} {
		for k, v := range pair.src {
			if _, dup := pair.dst[k]; dup {
				panic("msg: key registered twice: " + k)
			}
			pair.dst[k] = v
		}
	}
}

func init() { register(zhCore, enCore) }

var zhCore = map[string]string{
	"error.internal":            "内部错误",
	"error.usage":               "用法错误",
	"group.name_required":       "群名称不能为空",
	"group.name_too_long":       "群名称不能超过 {max} 个字",
	"group.name_taken":          "已有名为“{name}”的社群",
	"group.type_invalid":        "未知的社群类型“{value}”，可选：interest（兴趣社交型）、service（客户服务型）、resource（资源对接型）",
	"group.profile_invalid":     "未知的行业对比档案“{value}”，可选：education（在线教育群）、ecommerce（电商福利群）、industry（行业交流群）",
	"group.tz_invalid":          "无法识别的时区“{value}”，请使用如 Asia/Shanghai 的 IANA 时区名",
	"group.target_size_invalid": "目标人数应在 0 到 {max} 之间（0 表示不设目标），收到 {value}",
	"group.not_found":           "找不到社群“{name}”",
	"group.id_not_found":        "找不到编号为 {id} 的社群",
	"store.open_failed":         "无法打开数据文件 {path}",
	"store.key_failed":          "无法读取或创建密钥文件 {path}",
	"store.key_invalid":         "密钥文件 {path} 已损坏（应为 32 字节密钥）",
	"store.newer_schema":        "数据文件 {path} 由更新版本的群主工作台创建（结构版本 {have}，本程序支持到 {want}），请升级程序",
	"store.decrypt_failed":      "无法解密成员资料：密钥文件与数据文件不匹配",
	"store.busy":                "数据文件正被其他程序占用，请稍后再试",
	"batch.not_found":           "找不到编号为 {id} 的导入记录",
	"batch.not_latest":          "只能撤销本群最近一次导入（编号 {latest}）；请先撤销它，再撤销编号 {id}",
	"cli.unknown_command":       "未知命令“{cmd}”。运行 qunzhu help 查看可用命令",
	"cli.missing_command":       "缺少命令。运行 qunzhu help 查看可用命令",
	"cli.unknown_flag":          "未知参数 {flag}",
	"cli.flag_needs_value":      "参数 {flag} 需要一个值",
	"cli.bad_flag_value":        "参数 {flag} 的值“{value}”无效",
	"cli.unexpected_arg":        "多余的参数“{arg}”",
	"cli.missing_flag":          "缺少必需参数 {flag}",
	"cli.missing_file":          "缺少要导入的文件路径",
	"cli.group_created":         "已创建社群“{name}”（编号 {id}）",
	"cli.demo_done":             "已生成演示数据：{groups} 个社群，{members} 名成员，{messages} 条消息（新增 {imported} 条）",
	"cli.no_groups":             "还没有社群。用 qunzhu group add --name 名称 创建一个，或运行 qunzhu demo 生成演示数据",
	"cli.col_id":                "编号",
	"cli.col_name":              "名称",
	"cli.col_type":              "类型",
	"cli.col_profile":           "对比档案",
	"cli.col_members":           "成员",
	"cli.col_messages":          "消息",
	"cli.col_last":              "最近消息",
	"type.interest":             "兴趣社交型",
	"type.service":              "客户服务型",
	"type.resource":             "资源对接型",
	"profile.education":         "在线教育群",
	"profile.ecommerce":         "电商福利群",
	"profile.industry":          "行业交流群",
	"cli.help":                  helpZH,
}

var enCore = map[string]string{
	"error.internal":            "Internal error",
	"error.usage":               "Wrong usage",
	"group.name_required":       "The group name cannot be empty",
	"group.name_too_long":       "The group name cannot be longer than {max} characters",
	"group.name_taken":          "A group named \"{name}\" already exists",
	"group.type_invalid":        "Unknown group type \"{value}\"; choose interest, service or resource",
	"group.profile_invalid":     "Unknown benchmark profile \"{value}\"; choose education, ecommerce or industry",
	"group.tz_invalid":          "Unknown time zone \"{value}\"; use an IANA name such as Asia/Shanghai",
	"group.target_size_invalid": "The target size must be between 0 and {max} (0 sets none); got {value}",
	"group.not_found":           "No group named \"{name}\"",
	"group.id_not_found":        "No group with id {id}",
	"store.open_failed":         "Cannot open the data file {path}",
	"store.key_failed":          "Cannot read or create the key file {path}",
	"store.key_invalid":         "The key file {path} is damaged (it should hold a 32-byte key)",
	"store.newer_schema":        "The data file {path} was made by a newer Qunzhu (schema version {have}, this program knows up to {want}); please upgrade",
	"store.decrypt_failed":      "Cannot decrypt member data: the key file does not belong to this data file",
	"store.busy":                "The data file is in use by another program; try again shortly",
	"batch.not_found":           "No import with id {id}",
	"batch.not_latest":          "Only the group's latest import (id {latest}) can be undone; undo it first, then id {id}",
	"cli.unknown_command":       "Unknown command \"{cmd}\". Run qunzhu help to see the commands",
	"cli.missing_command":       "Missing command. Run qunzhu help to see the commands",
	"cli.unknown_flag":          "Unknown flag {flag}",
	"cli.flag_needs_value":      "The flag {flag} needs a value",
	"cli.bad_flag_value":        "Invalid value \"{value}\" for {flag}",
	"cli.unexpected_arg":        "Unexpected argument \"{arg}\"",
	"cli.missing_flag":          "Missing required flag {flag}",
	"cli.missing_file":          "Missing the path of the file to import",
	"cli.group_created":         "Created group \"{name}\" (id {id})",
	"cli.demo_done":             "Demo workspace ready: {groups} groups, {members} members, {messages} messages ({imported} new)",
	"cli.no_groups":             "No groups yet. Create one with qunzhu group add --name NAME, or run qunzhu demo for demo data",
	"cli.col_id":                "ID",
	"cli.col_name":              "Name",
	"cli.col_type":              "Type",
	"cli.col_profile":           "Profile",
	"cli.col_members":           "Members",
	"cli.col_messages":          "Messages",
	"cli.col_last":              "Last message",
	"type.interest":             "Interest-social",
	"type.service":              "Customer service",
	"type.resource":             "Resource matching",
	"profile.education":         "Online education",
	"profile.ecommerce":         "E-commerce deals",
	"profile.industry":          "Industry exchange",
	"cli.help":                  helpEN,
}

const helpZH = `群主工作台 qunzhu —— 微信社群运营工具（命令行）

用法：qunzhu [全局参数] 命令 [参数]

命令：
  demo                         生成演示数据（三个社群，十二周聊天记录）
  demo remove                  移除示例数据（只删示例群，先自动备份）
  group add --name 名称 [--type interest|service|resource] [--tz 时区]
            [--staff 甲,乙] [--profile education|ecommerce|industry]
                               创建社群
  group list                   列出社群
  group edit --group 群 [--name 名称] [--type 类型] [--profile 参考] [--tz 时区] [--staff 甲,乙]
             [--value 文字] [--checkin-word 词] [--target-size 人数]
                               修改社群设置（只改给出的项，记入操作日志）
  group delete --group 群 --yes
                               删除社群及其成员、聊天记录、计划和设置（先自动备份，记入操作日志）
  import members --group 群 文件 [--roster] [--partial]
                               导入成员名单（.csv UTF-8/GBK、.xlsx）；--roster 表示文件是完整名单
  import chat --group 群 [--format auto|memotrace|pywxdump|chatlog|wechat-text|wecom-archive|csv] 文件 [--partial]
              [--tz 时区] [--any-group]
                               导入聊天记录；重复导入不会重复计数。--tz：文件里的时间按这个时区读
                               （默认按社群的时区；只对 PyWxDump、合并转发文本和自制 CSV 起作用，
                               留痕/MemoTrace、chatlog、企业微信存档的时间本身带时区，不受影响）；
                               --any-group：文件标题写的是别的群名时仍然导入
  watch --group 群 [--chatlog 地址 --talker 群聊 | --folder 文件夹] [--every 秒] [--once] [--allow-remote]
                               实时同步：每分钟（--every）从本机 chatlog 服务或文件夹读取新消息并导入，
                               提问超过回复时限未回复时提醒一次，诈骗等风险当场开事件；--once 只同步一次。
                               给出的来源记为本群的实时来源；不给则用本群已设置的来源
  input --group 群 [--week 2024-W10] [--mute-rate 0.3] [--link-clicks 120 --link-reach 900 | --links 链接.csv]
        [--paying 人数]
                               录入本周的手动数据（免打扰率、链接点击、付费人数）
  metrics --group 群 [--week 2024-W10]
                               本周健康指标、健康检查与健康分
  violations --group 群 [--week 2024-W10]
                               本周检测到的违规（广告、刷屏、人身攻击）
  rules --group 群               本群的群规（广告词、攻击词、链接白名单、刷屏、记过、潜水天数、每周分享次数）
  rules set --group 群 [--ad-words 词,词] [--attack-words 词,词] [--whitelist 域名,域名] [--flood-count 条]
      [--flood-seconds 秒] [--strike-days 天] [--strike-limit 次] [--inactive-days 天] [--share-quota 次]
      [--reply-minutes 分钟]
                               修改群规（只改给出的项，超出范围的值会被拒绝）；违规、移出名单和分享检查立即按新规则计算
  rules text --group 群          按群规生成可贴到群公告的群规文本
  violation dismiss|warn|remove --id 编号
                               处理一条违规（编号见 violations --json）：忽略（不记过）、警告（记过）、移出（记过并标记移出）
  questions --group 群 [--week 2024-W10] [--late]
                               本周的提问与工作人员的首次回复；--late 只列超过 15 分钟才回复或没有回复的
  compare --group 群 [--week 2024-W10]
                               行业对比：成员数、日均消息、活跃率、流失率、付费转化率、人均服务成员数，
                               对照行业参考与其他群均值（不含示例群）
  points --group 群 [--member 成员]
                               积分余额（打卡 +5/天）；--member：该成员的积分明细（打卡、分享、发放、兑换）
  points grant|redeem --group 群 --member 成员 --points N --reason 原因
                               手动发放或兑换积分（记入审计日志）
  members --group 群 [--week 2024-W10] [--inactive] [--member 成员]
                               成员档案（截至该周末）；--inactive 只列移出名单；--member：一位成员的详情页（名字、时间线、12 周消息数）
  member remove --group 群 --member 成员 [--date 2024-03-08]
                               把成员标记为已移出（默认今天）
  tier set --group 群 --member 成员 --tier admin|core|normal [--unlock]
                               手动设定层级并锁定（--unlock 不锁定）
  tiers accept --group 群 --week 2024-W10 [--member 成员]
                               采纳该周的层级调整建议（全部，或一位成员的）
  screen criteria --group 群 [--regions 地区,地区] [--min-friends 500] [--hours 09:00-22:00]
                               查看或修改本群的筛选标准
  message reveal --group 群 --id 编号
                               显示消息中被遮住的手机号、身份证号（记入审计日志）
  import list [--group 群]      导入记录（含成员合并），最新的在前
  import undo 编号               撤销本群最近一次导入或合并
  member merge --group 群 --into 成员 --from 成员 | --suggest
                               把同一人的两条成员记录合并（可撤销）；--suggest 列出疑似同一人的成员
  tiers --group 群 [--week 2024-W10]
                               实际与目标层级金字塔，以及层级调整建议
  screen --group 群 文件         按本群筛选标准给候选名单打分（得分高的在前；名单不会导入）
  plan --group 群 [--week 2024-W10] [--ics 文件.ics]
                               生成（或显示）本周内容计划；--ics 另存为日历文件
  cadence --group 群 [--brief 08:00|off] [--live 20:00|off] [--live-day wed] [--ugc 20:30|off] [--ugc-day sat] [--ugc-nth 1]
          [--shares 2] [--share-at 20:30] [--cap 3] [--gap 120] [--quiet 23:00-07:00]
                               查看或修改内容节奏（默认值随社群类型）
  plan mark --id 编号 --status posted|skipped|planned [--reach N] [--opens N] [--clicks N] [--conversions N] [--participants N]
                               标记内容已发布/已跳过，并录入效果数据
  templates --group 群          欢迎语与关键词回复（首次查看时按社群类型生成默认模板）
  reply --group 群 "成员的问题" [--member 昵称]
                               回复助手：按关键词匹配最合适的回复，占位符已填好
  highlights --group 群 [--week 2024-W10] [--suggest] [--text]
                               本周精华；--suggest 推荐引起回复最多的消息；--text 输出可复制的精华汇总
  highlight add --group 群 --message 消息编号
                               把一条消息加入精华
  highlight remove --group 群 --id 编号
                               把一条精华移出精华库（编号见 highlights --json）
  templates set --group 群 [--welcome 欢迎语] [--rules-link 链接]
                               修改欢迎语和群规链接（--rules-link "" 清除链接）
  templates reply add --group 群 --keywords 词1,词2 --reply 回复
                               添加一条关键词回复
  templates reply edit --group 群 --id 编号 [--keywords 词1,词2] [--reply 回复]
                               修改一条关键词回复（编号见 templates --json）
  templates reply remove --group 群 --id 编号
                               删除一条关键词回复
  plan add --group 群 --at 2024-03-07T20:30 --type tutorial|news|interactive|benefit
           --format morning_brief|live_session|ugc_call|share|post [--title 标题] [--body 正文] [--presenter 成员] [--also-groups 群2,群3]
                               手动加入一条计划（--also-groups 同时加到其他群，各按本群时间）
  plan edit --id 编号 [--at 2024-03-07T21:00] [--type …] [--format …] [--title …] [--body …] [--presenter 成员|""]
                               修改计划项（改 --at 即挪动时间）
  plan remove --id 编号         删除计划项
  library                      素材库（最新的在前）
  library add --id 计划编号     把一条计划内容存入素材库
  library remove --id 素材编号  从素材库删除
  report [--week 2024-W10] [--group 群] [--appendix] --out 文件.html
                               生成可打印的周报（单个离线 HTML 文件；不写 --group 则包含全部社群；每群一页，
                               --appendix 附上全部指标、图表、行业对比和指标定义）
  risk --group 群 [--week 2024-W10]
                               本周风险提示（诈骗、引流、优惠链接、手机号与身份证号泄露、投诉与集中投诉）
  incidents [--group 群]        风险事件与处置时限
  incident open --group 群 --type data_leak|public_opinion|fraud|compliance --level 1-3 [--note 备注]
                               手动开启事件
  incident close 编号            关闭事件
  playbooks                    预案库
  playbook --name 模板 --group 群 [--backup 备用群] [--event 事件]
                               为该群填好占位符的预案
  backup --out 文件              一致性备份（含密钥文件 文件.key）
  restore 文件                   从备份恢复（请先关闭程序；原数据会保留）
  passphrase set|change|remove [--new-file 文件]
                               设置、更换或取消数据密码（新密码读自 --new-file 或标准输入）
  operator add --name 名称 --role owner|operator|viewer [--login 账号] [--password-file 文件]
                               添加运营；团队模式下同时创建其 PostgreSQL 账号并按角色授权
                               （viewer 只读；不给 --password-file 时生成密码，只显示这一次）
  operator list                列出运营、角色及其数据库账号
  migrate --from 来源 --to 目标   在本地数据文件与 PostgreSQL（postgres://…）之间搬迁工作区，逐表核对行数
  audit [--group 群] [--action 前缀] [--operator 名称] [--since 2024-05-01] [--until 2024-05-31]
                               审计日志：谁在何时改了什么（最新在前）
  audit export --out 文件.csv|文件.xlsx [同上筛选]
                               导出审计日志
  audit operator [--name 名称]    查看或设置本工作区的操作人名称（--name "" 清除）
  version                      显示版本
  help                         显示本帮助

全局参数（可放在命令前后）：
  --db 路径        数据文件（默认在用户数据目录；环境变量 QUNZHU_DB 可覆盖），或团队数据库 postgres://用户:密码@主机/库
  --operator 名称  以此名称记录本次的修改（其次为环境变量 QUNZHU_OPERATOR、
                   工作区设置 operator_name，默认 owner）；团队模式下身份由数据库账号决定，
                   --operator 不能冒用他人；在 audit 列表中为按操作人筛选
  --lang zh|en     提示语言
  --json           输出 JSON
  --passphrase-file 文件  数据密码（文件第一行；也可用环境变量 QUNZHU_PASSPHRASE）

不写 --week 时，指本群有消息的最近一周（还没有消息时为本周）。

退出码：0 成功；1 失败；2 用法错误。
`

const helpEN = `Qunzhu 群主工作台 — WeChat group operations (command line)

Usage: qunzhu [global flags] COMMAND [flags]

Commands:
  demo                         fill the database with the demo workspace (three groups, twelve weeks of chat)
  demo remove                  remove the demo's groups, and nothing else (backed up first)
  group add --name N [--type interest|service|resource] [--tz ZONE]
            [--staff A,B] [--profile education|ecommerce|industry]
                               create a group
  group list                   list groups
  group edit --group G [--name N] [--type T] [--profile P] [--tz ZONE] [--staff A,B]
             [--value TEXT] [--checkin-word W] [--target-size N]
                               change a group's settings (only those given; audited)
  group delete --group G --yes
                               delete a group with its members, chat, plans and settings (backed up first, audited)
  import members --group G FILE [--roster] [--partial]
                               import a member list (.csv UTF-8/GBK, .xlsx); --roster: the file is the complete list
  import chat --group G [--format auto|memotrace|pywxdump|chatlog|wechat-text|wecom-archive|csv] FILE [--partial]
              [--tz ZONE] [--any-group]
                               import a chat history; importing the same messages again adds nothing.
                               --tz: read the file's times in this zone (default: the group's); it matters
                               only for PyWxDump, forward-as-text and typed CSV — MemoTrace, chatlog and
                               WeCom archives write instants, which no zone changes; --any-group: import
                               even though the file's title names another group
  watch --group G [--chatlog URL --talker ROOM | --folder DIR] [--every SECONDS] [--once] [--allow-remote]
                               keep the group current: every minute (--every) import what is new from a local
                               chatlog service or a folder, remind once of a question left unanswered past the
                               reply threshold, open incidents for fraud as it happens; --once polls once.
                               The source given becomes the group's live source; without one, the group's is used
  input --group G [--week 2024-W10] [--mute-rate 0.3] [--link-clicks 120 --link-reach 900 | --links links.csv]
        [--paying N]
                               enter the week's hand-entered figures (mute rate, link clicks, paying members)
  metrics --group G [--week 2024-W10]
                               the week's indicators, health checks and health score
  violations --group G [--week 2024-W10]
                               violations detected in the week (ads, flooding, attacks)
  rules --group G              the group's rules (ad and attack words, link whitelist, flooding, strikes, inactivity, weekly shares)
  rules set --group G [--ad-words A,B] [--attack-words A,B] [--whitelist H,H] [--flood-count N]
      [--flood-seconds S] [--strike-days D] [--strike-limit N] [--inactive-days D] [--share-quota N]
      [--reply-minutes M]
                               change the rules (only the flags given; values out of range are refused); violations,
                               the removal list and the share check follow at once
  rules text --group G         the group rules text written from the rules, for the group notice
  violation dismiss|warn|remove --id N
                               decide a violation (ids from violations --json): dismiss (no strike), warn (strike), remove (strike, member marked removed)
  questions --group G [--week 2024-W10] [--late]
                               the week's questions and the staff's first answers; --late: only those answered after 15 minutes or not at all
  compare --group G [--week 2024-W10]
                               the industry comparison: members, messages per day, active rate, churn, paying
                               rate, members per staff, beside the profile's reference and the other groups' mean
  points --group G [--member M]
                               points balances (check-ins +5 a day); --member: that member's points (check-ins, shares, grants, redemptions)
  points grant|redeem --group G --member M --points N --reason TEXT
                               grant or redeem points by hand (audited)
  members --group G [--week 2024-W10] [--inactive] [--member M]
                               the member ledger as of the week's end; --inactive: the removal list only; --member: one member's page (names, timeline, 12 weeks of messages)
  member remove --group G --member M [--date 2024-03-08]
                               mark a member removed (today by default)
  tier set --group G --member M --tier admin|core|normal [--unlock]
                               set a tier by hand and lock it (--unlock: leave it unlocked)
  tiers accept --group G --week 2024-W10 [--member M]
                               accept the week's suggested tier changes (all, or one member's)
  screen criteria --group G [--regions A,B] [--min-friends 500] [--hours 09:00-22:00]
                               show or change the group's screening criteria
  message reveal --group G --id N
                               show the phone and ID numbers masked in a message (recorded in the audit log)
  import list [--group G]      the import history (member merges too), newest first
  import undo BATCH            undo the group's latest import or merge
  member merge --group G --into M --from N | --suggest
                               fold two records of one person into one (undoable); --suggest lists members who look like one person
  tiers --group G [--week 2024-W10]
                               actual and target tier pyramid and suggested tier changes
  screen --group G FILE        score a candidate list against the group's screening criteria (best first; nothing imported)
  plan --group G [--week 2024-W10] [--ics FILE.ics]
                               generate (or show) the week's content plan; --ics also writes it as a calendar file
  cadence --group G [--brief 08:00|off] [--live 20:00|off] [--live-day wed] [--ugc 20:30|off] [--ugc-day sat] [--ugc-nth 1]
          [--shares 2] [--share-at 20:30] [--cap 3] [--gap 120] [--quiet 23:00-07:00]
                               show or change the content cadence (defaults follow the group type)
  plan mark --id N --status posted|skipped|planned [--reach N] [--opens N] [--clicks N] [--conversions N] [--participants N]
                               mark an item posted or skipped and enter its results
  templates --group G          the welcome message and keyword replies (the first look saves the defaults of the group type)
  reply --group G "the member's question" [--member NAME]
                               reply assistant: the best matching keyword replies, placeholders filled
  highlights --group G [--week 2024-W10] [--suggest] [--text]
                               the week's highlights; --suggest: the messages that drew the most replies; --text: the digest text
  highlight add --group G --message ID
                               add a message to the highlights
  highlight remove --group G --id N
                               take an entry out of the highlights (ids from highlights --json)
  templates set --group G [--welcome TEXT] [--rules-link URL]
                               change the welcome message and the rules link (--rules-link "" clears it)
  templates reply add --group G --keywords A,B --reply TEXT
                               add a keyword reply
  templates reply edit --group G --id N [--keywords A,B] [--reply TEXT]
                               change a keyword reply (ids from templates --json)
  templates reply remove --group G --id N
                               remove a keyword reply
  plan add --group G --at 2024-03-07T20:30 --type tutorial|news|interactive|benefit
           --format morning_brief|live_session|ugc_call|share|post [--title T] [--body B] [--presenter M] [--also-groups G2,G3]
                               place an item by hand (--also-groups: the same item in those groups, each on its own clock)
  plan edit --id N [--at 2024-03-07T21:00] [--type …] [--format …] [--title …] [--body …] [--presenter M|""]
                               change a plan item (a new --at moves it)
  plan remove --id N           delete a plan item
  library                      the content library, newest first
  library add --id ITEM        keep a plan item in the library
  library remove --id N        remove a library entry
  report [--week 2024-W10] [--group N] [--appendix] --out FILE.html
                               the printable weekly report as one offline HTML file (all groups without --group;
                               a page per group, --appendix adds every indicator, the charts, the comparison and the definitions)
  risk --group G [--week 2024-W10]
                               the week's risk hits (fraud, lures, deal links, leaked phone and ID numbers, complaints, bursts)
  incidents [--group G]        risk incidents and their deadlines
  incident open --group G --type data_leak|public_opinion|fraud|compliance --level 1-3 [--note TEXT]
                               open an incident by hand
  incident close ID            close an incident
  playbooks                    the playbook library
  playbook --name KEY --group G [--backup NAME] [--event TEXT]
                               a template filled in for the group
  backup --out FILE            a consistent copy of the workspace (and its key, FILE.key)
  restore FILE                 put a backup back (close the app first; the current data is kept)
  passphrase set|change|remove [--new-file FILE]
                               set, change or remove the data passphrase (the new one from --new-file or stdin)
  operator add --name N --role owner|operator|viewer [--login LOGIN] [--password-file FILE]
                               add an operator; in team mode also create their PostgreSQL login
                               with the grants of the role (a viewer only reads; without
                               --password-file a password is generated and shown this once)
  operator list                list the operators, their roles and logins
  migrate --from SOURCE --to TARGET
                               move a workspace between a data file and PostgreSQL (postgres://…), row counts checked
  audit [--group G] [--action PREFIX] [--operator NAME] [--since 2024-05-01] [--until 2024-05-31]
                               the audit log: who changed what, when (newest first)
  audit export --out FILE.csv|FILE.xlsx [same filters]
                               export the audit log
  audit operator [--name NAME] show or set this workspace's operator name (--name "" clears it)
  version                      print the version
  help                         show this help

Global flags (before or after the command):
  --db PATH        the data file (default: in the user's data folder; QUNZHU_DB overrides),
                   or a team database postgres://user:password@host/db
  --operator NAME  record this run's changes under NAME (then QUNZHU_OPERATOR, the workspace
                   setting operator_name, else owner); in team mode the database login says
                   who you are and --operator cannot name someone else;
                   on the audit listing it filters by operator
  --lang zh|en     language of messages
  --json           machine-readable output
  --passphrase-file FILE  the data passphrase (the file's first line; or QUNZHU_PASSPHRASE)

Without --week: the group's latest week with messages (this week when it has none).

Exit status: 0 done; 1 failed; 2 wrong usage.
`
