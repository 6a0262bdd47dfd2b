package msg

func init() { register(zhCLIFlags, enCLIFlags) }

// The command line's wording of messages whose window wording names no flag
// (issue 20): msg.TCLI and msg.ErrorCLI prefer "cli." + key, so the terminal
// still says which flag or command to use while the window says it in words.
var zhCLIFlags = map[string]string{
	"cli.operator.first_owner":     "第一个添加的运营必须是负责人（--role owner），否则没有人能再管理名单",
	"cli.operator.unknown":         "“{name}”不在这个工作区的运营名单里，不能修改数据。请让负责人用 qunzhu operator add 添加你",
	"cli.operator.login_unknown":   "数据库账号 {login} 不在这个工作区的运营名单里，不能修改数据。请让负责人用 qunzhu operator add --name 你的名字 --role operator 为你创建账号",
	"cli.store.key_missing":        "本机没有这个团队工作区的密钥。请向负责人索取密钥文件，放到 {path}（或用 QUNZHU_KEY 指定位置）后再连接",
	"cli.risk.sweep_failed":        "导入已完成，但导入后的风险扫描没有完成：{error}。打开风险页或运行 qunzhu risk 会重新扫描。",
	"cli.store.locked":             "数据已用密码保护，请输入密码解锁（命令行：--passphrase-file 文件 或环境变量 QUNZHU_PASSPHRASE）",
	"cli.store.file_key_missing":   "找不到这个工作区的密钥文件 {name}（应在 {path}）。成员的手机号、姓名、备注等是用它加密的，没有它无法读取，所以工作区没有打开，也没有生成新密钥。请从备份中把同名的 .key 文件放回 {path}，或用“恢复备份”（命令行：qunzhu restore 备份文件）恢复一份备份及其密钥",
	"cli.operator.login_read_only": "数据库账号 {login}（{name}）是只读账号，不能修改数据。团队模式下身份由数据库账号决定，--operator 或 QUNZHU_OPERATOR 改变不了",
	"cli.operator.not_you":         "--operator {claim} 与数据库账号 {login}（{name}）不符：团队模式下身份由数据库账号决定，不能以他人名义修改数据。请去掉 --operator / QUNZHU_OPERATOR，或用 {claim} 自己的账号连接",
	"cli.operator.login_exists":    "数据库服务器上已有账号 {login}：请用 --login 另起一个名字（账号属于整台服务器，不只这个工作区）",
}

var enCLIFlags = map[string]string{
	"cli.operator.first_owner":     "The first operator added must be an owner (--role owner), or nobody could manage the list any more",
	"cli.operator.unknown":         "{name} is not on this workspace's list of operators and cannot change data. Ask the owner to add you with qunzhu operator add",
	"cli.operator.login_unknown":   "The database login {login} is not on this workspace's list of operators and cannot change data. Ask the owner to create your login with qunzhu operator add --name YOUR_NAME --role operator",
	"cli.store.key_missing":        "This machine has no key for this team workspace. Ask the owner for the key file and put it at {path} (or point QUNZHU_KEY at it), then connect again",
	"cli.risk.sweep_failed":        "The import is done, but the risk scan after it did not finish: {error}. Opening the Risk tab or running qunzhu risk scans again.",
	"cli.store.locked":             "The data is protected by a passphrase; enter it to unlock (command line: --passphrase-file FILE or the QUNZHU_PASSPHRASE variable)",
	"cli.store.file_key_missing":   "The key file {name} of this workspace is missing (it belongs at {path}). Members' phones, names and remarks are encrypted with it and cannot be read without it, so the workspace was not opened and no new key was made. Put the .key file of the same name back at {path} from your backup, or restore a backup together with its key (Restore backup; command line: qunzhu restore BACKUP)",
	"cli.operator.login_read_only": "The database login {login} ({name}) is read-only and cannot change data. In team mode the login says who you are; --operator or QUNZHU_OPERATOR cannot change that",
	"cli.operator.not_you":         "--operator {claim} is not the database login {login} ({name}): in team mode the login says who you are, and nobody changes data in another's name. Drop --operator / QUNZHU_OPERATOR, or connect with {claim}'s own login",
	"cli.operator.login_exists":    "The database server already has a login {login}: choose another with --login (logins belong to the whole server, not to one workspace)",
}
