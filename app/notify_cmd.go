package app

import (
	"context"
	"os"
	"os/exec"
)

// powershellAUMID is the application id Windows shows a toast under.
// A toast needs the id of an app with a Start-menu shortcut carrying it;
// Wails' NSIS installer writes no such id into Qunzhu's shortcut, so the
// toast is raised under Windows PowerShell's own, which every Windows 10
// and 11 has registered.
const powershellAUMID = `{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe`

// windowsToastScript shows a toast with two lines of text. The text comes
// in through the environment (QUNZHU_TITLE, QUNZHU_BODY) and into the toast
// as XML text nodes, never into the script itself, so a title holding
// quotes, $(…) or markup is shown as written and runs nothing.
const windowsToastScript = `$ErrorActionPreference = 'Stop'
[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] | Out-Null
$xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02)
$lines = $xml.GetElementsByTagName('text')
$lines.Item(0).AppendChild($xml.CreateTextNode($env:QUNZHU_TITLE)) | Out-Null
$lines.Item(1).AppendChild($xml.CreateTextNode($env:QUNZHU_BODY)) | Out-Null
$toast = [Windows.UI.Notifications.ToastNotification]::new($xml)
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('` + powershellAUMID + `').Show($toast)
`

// macNotificationScript shows a notification with AppleScript; the title
// and body are the script's arguments, not part of its text.
const macNotificationScript = `on run argv
display notification (item 2 of argv) with title (item 1 of argv)
end run`

// notifyCommand is the command that shows a desktop notification on goos
// (Linux uses D-Bus instead, see notify_linux.go), or nil where there is
// none. Title and body are passed as data (environment or arguments), so
// nothing in them is ever read as code.
func notifyCommand(ctx context.Context, goos, title, body string) *exec.Cmd {
	switch goos {
	case "windows":
		cmd := exec.CommandContext(ctx, "powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
			"-WindowStyle", "Hidden", "-Command", windowsToastScript)
		cmd.Env = append(os.Environ(), "QUNZHU_TITLE="+title, "QUNZHU_BODY="+body)
		return cmd
	case "darwin":
		return exec.CommandContext(ctx, "osascript", "-e", macNotificationScript, title, body)
	}
	return nil
}
