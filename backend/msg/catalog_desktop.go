package msg

// The desktop window's native menus (app/menu.go).

func init() { register(zhDesktop, enDesktop) }

var zhDesktop = map[string]string{
	"menu.file":         "文件",
	"menu.import":       "导入…",
	"menu.backup":       "备份工作区…",
	"menu.quit":         "退出",
	"menu.help":         "帮助",
	"menu.about":        "关于群主工作台",
	"menu.data_folder":  "打开数据文件夹",
	"app.filter_backup": "群主工作台备份（.db）",
}

var enDesktop = map[string]string{
	"menu.file":         "File",
	"menu.import":       "Import…",
	"menu.backup":       "Back up workspace…",
	"menu.quit":         "Quit",
	"menu.help":         "Help",
	"menu.about":        "About Qunzhu",
	"menu.data_folder":  "Open data folder",
	"app.filter_backup": "Qunzhu backups (.db)",
}
