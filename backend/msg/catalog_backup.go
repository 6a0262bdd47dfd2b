package msg

func init() { register(zhBackup, enBackup) }

var zhBackup = map[string]string{
	"backup.exists":    "{file} 已存在，不会覆盖；请换一个文件名",
	"backup.missing":   "找不到备份文件 {file}",
	"backup.no_key":    "找不到备份 {file} 的密钥文件 {key}：没有它，成员的手机号、姓名和备注无法解密",
	"backup.invalid":   "{file} 不是群主工作台的备份，或已损坏",
	"cli.backup_done":  "已备份到 {file}（密钥：{key}）。请把两个文件放在一起保管",
	"cli.restore_done": "已从备份恢复 {file}；原来的数据保留为 {kept}",
}

var enBackup = map[string]string{
	"backup.exists":    "{file} already exists and is not overwritten; choose another name",
	"backup.missing":   "No backup file {file}",
	"backup.no_key":    "The key file {key} of the backup {file} is missing: without it members' phones, names and notes cannot be decrypted",
	"backup.invalid":   "{file} is not a Qunzhu backup, or it is damaged",
	"cli.backup_done":  "Backed up to {file} (key: {key}). Keep the two files together",
	"cli.restore_done": "Restored {file} from the backup; the previous data is kept as {kept}",
}
