package msg

func init() { register(zhBackup, enBackup) }

var zhBackup = map[string]string{
	"backup.exists":          "{file} 已存在，不会覆盖；请换一个文件名",
	"backup.missing":         "找不到备份文件 {file}",
	"backup.no_key":          "找不到备份 {file} 的密钥文件 {key}：没有它，成员的手机号、姓名和备注无法解密",
	"backup.invalid":         "{file} 不是群主工作台的备份，或已损坏",
	"cli.backup_done":        "已备份到 {file}（密钥：{key}）。请把两个文件放在一起保管",
	"cli.restore_done":       "已从备份恢复 {file}；原来的数据保留为 {kept}",
	"store.locked":           "数据已用密码保护，请输入密码解锁",
	"store.passphrase_wrong": "密码不正确，数据未打开",
	"store.passphrase_none":  "当前没有设置密码",
	"passphrase.empty":       "新密码不能为空",
	"passphrase.too_short":   "密码至少 {min} 个字符",
	"passphrase.file":        "无法读取密码文件 {file}",
	"cli.passphrase_set":     "已设置密码。密钥文件 {key} 现在由密码保护；忘记密码将无法读取成员的手机号、姓名和备注",
	"cli.passphrase_changed": "已更换密码（数据无需重新加密）",
	"cli.passphrase_removed": "已取消密码。密钥文件 {key} 恢复为不加密保存",
	"backup.auto_failed":     "自动备份失败：{reason}",
	"backup.not_found":       "备份 {file} 不在备份文件夹中",
	"backup.keep_range":      "保留份数应在 {min} 到 {max} 之间",
	"app.listener_public":    "拒绝在 {addr} 上提供浏览器模式：它没有登录保护，只能监听本机地址（127.0.0.1、::1 或 localhost），例如 -devserver 127.0.0.1:34115",
}

var enBackup = map[string]string{
	"backup.exists":          "{file} already exists and is not overwritten; choose another name",
	"backup.missing":         "No backup file {file}",
	"backup.no_key":          "The key file {key} of the backup {file} is missing: without it members' phones, names and notes cannot be decrypted",
	"backup.invalid":         "{file} is not a Qunzhu backup, or it is damaged",
	"cli.backup_done":        "Backed up to {file} (key: {key}). Keep the two files together",
	"cli.restore_done":       "Restored {file} from the backup; the previous data is kept as {kept}",
	"store.locked":           "The data is protected by a passphrase; enter it to unlock",
	"store.passphrase_wrong": "Wrong passphrase; nothing was opened",
	"store.passphrase_none":  "No passphrase is set",
	"passphrase.empty":       "The new passphrase cannot be empty",
	"passphrase.too_short":   "The passphrase needs at least {min} characters",
	"passphrase.file":        "Cannot read the passphrase file {file}",
	"cli.passphrase_set":     "Passphrase set. The key file {key} is now protected by it; without the passphrase members' phones, names and remarks cannot be read",
	"cli.passphrase_changed": "Passphrase changed (no data had to be re-encrypted)",
	"cli.passphrase_removed": "Passphrase removed. The key file {key} is stored unprotected again",
	"backup.auto_failed":     "Automatic backup failed: {reason}",
	"backup.not_found":       "The backup {file} is not in the backups folder",
	"backup.keep_range":      "Keep between {min} and {max} backups",
	"app.listener_public":    "Refusing to serve the browser mode on {addr}: it has no login, so it may only listen on loopback (127.0.0.1, ::1 or localhost), e.g. -devserver 127.0.0.1:34115",
}
