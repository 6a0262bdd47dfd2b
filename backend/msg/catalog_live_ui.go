package msg

// The live watch in the window (issue 24): the texts the desktop binding
// (app/live.go) writes itself.

func init() { register(zhLiveUI, enLiveUI) }

var zhLiveUI = map[string]string{
	"live.folder_dialog": "选择要监视的文件夹",
}

var enLiveUI = map[string]string{
	"live.folder_dialog": "Choose the folder to watch",
}
