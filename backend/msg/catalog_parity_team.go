package msg

func init() { register(zhParityTeam, enParityTeam) }

// Issue 23, team and settings services (backend/service/teamsvc, settingsvc):
// messages the window shows as well as the command line, so no flags in them.
var zhParityTeam = map[string]string{
	"migrate.ends_required": "请写明从哪个工作区迁移、迁移到哪里：一个数据文件路径或一个服务器地址",
	"app.move_file_title":   "把工作区迁移到哪个数据文件",
	"app.filter_workspace":  "群主工作台数据文件",
}

var enParityTeam = map[string]string{
	"migrate.ends_required": "Name the workspace to move from and the one to move to: a data file path or a server address",
	"app.move_file_title":   "Move the workspace into which data file",
	"app.filter_workspace":  "Qunzhu data file",
}
