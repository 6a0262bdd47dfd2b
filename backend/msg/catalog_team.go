package msg

func init() { register(zhTeam, enTeam) }

// Team mode: a workspace on a PostgreSQL server, operators and roles, and
// moving a workspace between a file and a server.
var zhTeam = map[string]string{
	"store.server_failed":      "无法连接数据库服务器 {url}：{reason}",
	"store.key_missing":        "本机没有这个团队工作区的密钥。请向群主索取密钥文件，放到 {path}（或用 QUNZHU_KEY 指定位置）后再连接",
	"store.key_mismatch":       "密钥文件 {path} 与这个团队工作区的密钥不一致：每位运营必须使用同一个密钥文件。请向群主索取正确的密钥",
	"backup.server":            "{url} 是数据库服务器上的工作区，备份由服务器负责：请用 pg_dump 备份（见 README 的“团队模式”）",
	"restore.server":           "恢复只适用于本地数据文件；服务器上的工作区请用 pg_restore 恢复",
	"operator.read_only":       "“{name}”是只读成员（viewer），不能修改数据",
	"operator.unknown":         "“{name}”不在这个工作区的运营名单里，不能修改数据。请让群主用 qunzhu operator add 添加你",
	"operator.owner_only":      "只有群主（owner）可以管理运营名单；“{name}”的角色是 {role}",
	"operator.first_owner":     "第一个添加的运营必须是群主（--role owner），否则没有人能再管理名单",
	"operator.bad_role":        "角色 {role} 无效：应为 owner、operator 或 viewer",
	"operator.name_required":   "运营名称不能为空",
	"operator.exists":          "运营“{name}”已存在",
	"cli.operator_added":       "已添加运营 {name}（{role}）",
	"cli.operator_none":        "还没有运营名单：本地模式下只有一位隐含的群主",
	"cli.col_role":             "角色",
	"migrate.same":             "--from 和 --to 指向同一个工作区",
	"migrate.target_not_empty": "目标 {to} 已有数据（表 {table} 有 {rows} 行）：只能迁移到空的工作区",
	"migrate.count_mismatch":   "迁移校验失败：表 {table} 源有 {from} 行，目标有 {to} 行；目标没有任何改动",
	"migrate.unknown_table":    "目标工作区没有表 {table}：两边的版本不一致",
	"cli.migrate_table":        "  {table}：{rows} 行",
	"cli.migrate_done":         "已把 {from} 迁移到 {to}，共 {tables} 张表 {rows} 行，行数已逐表核对",
}

var enTeam = map[string]string{
	"store.server_failed":      "Cannot connect to the database server {url}: {reason}",
	"store.key_missing":        "This machine has no key for this team workspace. Ask the owner for the key file and put it at {path} (or point QUNZHU_KEY at it), then connect again",
	"store.key_mismatch":       "The key file {path} is not this team workspace's key: every operator must use the same key file. Ask the owner for the right one",
	"backup.server":            "{url} is a workspace on a database server, whose backups are the server's job: back it up with pg_dump (see “Team mode” in the README)",
	"restore.server":           "Restore works on local data files only; restore a server workspace with pg_restore",
	"operator.read_only":       "{name} is a viewer and cannot change data",
	"operator.unknown":         "{name} is not on this workspace's list of operators and cannot change data. Ask the owner to add you with qunzhu operator add",
	"operator.owner_only":      "Only an owner manages the operators; {name} is {role}",
	"operator.first_owner":     "The first operator added must be an owner (--role owner), or nobody could manage the list any more",
	"operator.bad_role":        "Role {role} is not valid: use owner, operator or viewer",
	"operator.name_required":   "The operator's name is required",
	"operator.exists":          "Operator {name} already exists",
	"cli.operator_added":       "Added operator {name} ({role})",
	"cli.operator_none":        "No operators listed: in local mode there is one implicit owner",
	"cli.col_role":             "Role",
	"migrate.same":             "--from and --to name the same workspace",
	"migrate.target_not_empty": "The target {to} already holds data (table {table} has {rows} rows): a workspace moves only into an empty one",
	"migrate.count_mismatch":   "Check failed: table {table} has {from} rows in the source and {to} in the target; nothing was changed in the target",
	"migrate.unknown_table":    "The target workspace has no table {table}: the two are at different versions",
	"cli.migrate_table":        "  {table}: {rows} rows",
	"cli.migrate_done":         "Moved {from} to {to}: {tables} tables, {rows} rows, row counts checked table by table",
}
