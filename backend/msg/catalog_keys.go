package msg

// Words for a workspace opened without its own key, and for a restore cut
// short (backend/store keycheck.go, restore.go).

func init() { register(zhKeyFiles, enKeyFiles) }

var zhKeyFiles = map[string]string{
	"store.file_key_missing":  "找不到这个工作区的密钥文件 {name}（应在 {path}）。成员的手机号、姓名、备注等是用它加密的，没有它无法读取，所以工作区没有打开，也没有生成新密钥。请从备份中把同名的 .key 文件放回 {path}，或用“恢复备份”恢复一份备份及其密钥",
	"store.file_key_mismatch": "密钥与这个工作区不符：{path} 不是加密 {file} 时用的密钥，工作区没有打开，也没有写入任何内容。请把这个工作区自己的密钥文件放回 {path}（备份旁边的同名 .key 文件），或恢复一份备份及其密钥",
	"backup.key_mismatch":     "备份 {file} 旁边的密钥文件 {key} 不是这份备份的密钥，没有恢复任何内容。请找到与备份一起保存的 .key 文件",
	"restore.journal_damaged": "{file} 不是群主工作台的恢复记录，工作区没有打开。如果你没有放置这个文件，请检查数据文件夹后删除它",
}

var enKeyFiles = map[string]string{
	"store.file_key_missing":  "The key file {name} of this workspace is missing (it belongs at {path}). Members' phones, names and remarks are encrypted with it and cannot be read without it, so the workspace was not opened and no new key was made. Put the .key file of the same name back at {path} from your backup, or restore a backup together with its key (Restore backup)",
	"store.file_key_mismatch": "The key does not match this workspace: {path} is not the key {file} was encrypted with. The workspace was not opened and nothing was written. Put this workspace's own key file back at {path} (the .key file of the same name beside a backup), or restore a backup together with its key",
	"backup.key_mismatch":     "The key file {key} beside the backup {file} is not this backup's key; nothing was restored. Find the .key file saved together with the backup",
	"restore.journal_damaged": "{file} is not a Qunzhu restore record, so the workspace was not opened. If you did not put this file there, check the data folder and delete it",
}
