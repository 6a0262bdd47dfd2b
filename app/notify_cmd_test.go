package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The notification commands of Windows and macOS carry the title and body
// as data: hostile text never becomes part of the script that runs.
func TestNotifyCommandPassesTextAsData(t *testing.T) {
	title := `明早 7:30 "晨读" $(Remove-Item C:\) '; do shell script "rm -rf ~"`
	body := "第二行 <b>粗体</b> & `反引号`"
	for _, tc := range []struct {
		goos, tool string
		script     func(args []string) string
		data       func(args, env []string) bool
	}{
		{"windows", "powershell.exe",
			func(args []string) string { return args[len(args)-1] },
			func(_, env []string) bool {
				return slices.Contains(env, "QUNZHU_TITLE="+title) && slices.Contains(env, "QUNZHU_BODY="+body)
			}},
		{"darwin", "osascript",
			func(args []string) string { return args[2] },
			func(args, _ []string) bool { return slices.Equal(args[len(args)-2:], []string{title, body}) }},
	} {
		t.Run(tc.goos, func(t *testing.T) {
			cmd := notifyCommand(context.Background(), tc.goos, title, body)
			if cmd == nil {
				t.Fatal("no command")
			}
			if filepath.Base(cmd.Args[0]) != tc.tool {
				t.Errorf("runs %s, want %s", cmd.Args[0], tc.tool)
			}
			script := tc.script(cmd.Args)
			if strings.Contains(script, "晨读") || strings.Contains(script, "粗体") {
				t.Errorf("the text was written into the script:\n%s", script)
			}
			if !tc.data(cmd.Args, cmd.Env) {
				t.Errorf("title and body not passed as data: args %q", cmd.Args)
			}
		})
	}
	if cmd := notifyCommand(context.Background(), "linux", title, body); cmd != nil {
		t.Errorf("Linux notifies over D-Bus, got a command %v", cmd.Args)
	}
}
