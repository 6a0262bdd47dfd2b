package msg

// Words for a workspace opened without its own key (backend/store
// keycheck.go).

func init() { register(zhKeyFiles, enKeyFiles) }

var zhKeyFiles = map[string]string{
	"store.file_key_missing":  "找不到这个工作区的密钥文件 {name}（应在 {path}）。成员的手机号、姓名、备注等是用它加密的，没有它无法读取，所以工作区没有打开，也没有生成新密钥。请从备份中把同名的 .key 文件放回 {path}，或用“恢复备份”（命令行：qunzhu restore 备份文件）恢复一份备份及其密钥",
	"store.file_key_mismatch": "密钥与这个工作区不符：{path} 不是加密 {file} 时用的密钥，工作区没有打开，也没有写入任何内容。请把这个工作区自己的密钥文件放回 {path}（备份旁边的同名 .key 文件），或恢复一份备份及其密钥",
}

var enKeyFiles = map[string]string{
	"store.file_key_missing":  "The key file {name} of this workspace is missing (it belongs at {path}). Members' phones, names and remarks are encrypted with it and cannot be read without it, so the workspace was not opened and no new key was made. Put the .key file of the same name back at {path} from your backup, or restore a backup together with its key (Restore backup; command line: qunzhu restore BACKUP)",
	"store.file_key_mismatch": "The key does not match this workspace: {path} is not the key {file} was encrypted with. The workspace was not opened and nothing was written. Put this workspace's own key file back at {path} (the .key file of the same name beside a backup), or restore a backup together with its key",
}
