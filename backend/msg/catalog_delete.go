package msg

// Deleting a group, and removing the demo's groups.

func init() { register(zhDelete, enDelete) }

var zhDelete = map[string]string{
	"cli.delete_needs_yes":         "删除社群“{name}”会删掉它的成员、聊天记录、计划和设置。确定要删除就加上 --yes",
	"cli.group_deleted":            "已删除社群“{name}”：{members} 名成员，{messages} 条消息",
	"cli.demo_removed":             "已移除示例数据：{groups} 个示例群，{members} 名成员，{messages} 条消息",
	"cli.demo_none":                "没有示例数据可移除",
	"cli.deleted_backup":           "删除前已自动备份：{file}（在工作区旁的 backups 文件夹里）",
	"audit.action.group.delete":    "删除社群",
	"group.delete_name_mismatch":   "输入的名称与社群名称“{name}”不一致，没有删除",
	"member.unremove_nothing":      "“{name}”最近一次的变动不是手动移出，没有可撤销的",
	"audit.action.member.unremove": "撤销移出成员",
}

var enDelete = map[string]string{
	"cli.delete_needs_yes":         "Deleting group \"{name}\" deletes its members, chat history, plans and settings. Add --yes to delete it",
	"cli.group_deleted":            "Deleted group \"{name}\": {members} members, {messages} messages",
	"cli.demo_removed":             "Removed the demo: {groups} demo groups, {members} members, {messages} messages",
	"cli.demo_none":                "There is no demo data to remove",
	"cli.deleted_backup":           "Backed up first: {file} (in the backups folder beside the workspace)",
	"audit.action.group.delete":    "Deleted group",
	"group.delete_name_mismatch":   "The name typed is not the group's name \"{name}\"; nothing was deleted",
	"member.unremove_nothing":      "The latest change of \"{name}\" is not a removal by hand; there is nothing to undo",
	"audit.action.member.unremove": "Undid a member's removal",
}
