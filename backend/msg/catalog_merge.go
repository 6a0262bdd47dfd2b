package msg

// Member merges (one person the ledger holds twice, folded into one), and
// the import history they are listed and undone in.

func init() { register(zhMerge, enMerge) }

var zhMerge = map[string]string{
	"cli.col_group":                "社群",
	"cli.col_kind":                 "类别",
	"cli.col_file":                 "文件",
	"cli.col_at":                   "时间",
	"cli.col_rows":                 "行数",
	"cli.col_imported":             "新增",
	"cli.col_updated":              "更新",
	"cli.col_skipped":              "重复跳过",
	"cli.batch_kind.members":       "成员名单",
	"cli.batch_kind.chat":          "聊天记录",
	"cli.batch_kind.demo":          "演示数据",
	"cli.batch_kind.merge":         "合并成员",
	"cli.undone":                   "已撤销第 {batch} 次导入",
	"cli.missing_batch":            "缺少要撤销的导入编号。用 qunzhu import list 查看",
	"member.merge_none":            "请指定要合并进来的成员",
	"member.merge_self":            "不能把成员合并到自己",
	"member.merge_two_people":      "“{from}”和“{into}”的微信号不同，是两个人，不能合并",
	"member.ref_missing":           "找不到成员“{ref}”。用 qunzhu members --group 群名 --json 查看成员编号",
	"member.ref_ambiguous":         "有 {count} 位成员叫“{ref}”（编号 {ids}），请用编号指定",
	"audit.action.member.merge":    "合并成员",
	"cli.merged":                   "已把“{from}”合并到“{into}”：消息、积分与记过归入同一人，去掉重复消息 {duplicates} 条（撤销：qunzhu import undo {batch}）",
	"cli.merge_candidates_none":    "没有明显需要合并的成员",
	"cli.merge_candidate":          "“{name}”可能被记成了 {count} 位成员：保留编号 {into}，合并编号 {from}",
	"cli.merge_candidates_heading": "可能是同一人的成员（名字相同、发言时间互不重叠）：",
	"cli.merge_candidate_command":  "合并：qunzhu member merge --group {group} --into {into} --from {from}",
}

var enMerge = map[string]string{
	"cli.col_group":                "Group",
	"cli.col_kind":                 "Kind",
	"cli.col_file":                 "File",
	"cli.col_at":                   "At",
	"cli.col_rows":                 "Rows",
	"cli.col_imported":             "New",
	"cli.col_updated":              "Updated",
	"cli.col_skipped":              "Duplicates",
	"cli.batch_kind.members":       "Member list",
	"cli.batch_kind.chat":          "Chat history",
	"cli.batch_kind.demo":          "Demo data",
	"cli.batch_kind.merge":         "Member merge",
	"cli.undone":                   "Undid batch {batch}",
	"cli.missing_batch":            "Which batch to undo? Run qunzhu import list to see them",
	"member.merge_none":            "Name the members to merge in",
	"member.merge_self":            "A member cannot be merged into itself",
	"member.merge_two_people":      "{from} and {into} have different WeChat ids: they are two people and cannot be merged",
	"member.ref_missing":           "No member \"{ref}\". Run qunzhu members --group NAME --json to see member ids",
	"member.ref_ambiguous":         "{count} members are called \"{ref}\" (ids {ids}); name one by its id",
	"audit.action.member.merge":    "Merged members",
	"cli.merged":                   "Merged {from} into {into}: messages, points and strikes now belong to one person; {duplicates} duplicate messages removed (undo: qunzhu import undo {batch})",
	"cli.merge_candidates_none":    "No members look like one person held twice",
	"cli.merge_candidate":          "{name} may be held as {count} members: keep id {into}, merge ids {from}",
	"cli.merge_candidates_heading": "Members who may be one person (same name, never speaking at the same time):",
	"cli.merge_candidate_command":  "Merge: qunzhu member merge --group {group} --into {into} --from {from}",
}
