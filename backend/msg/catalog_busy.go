package msg

// A writer waiting for another import (store.WithWaitNotice): said once,
// when the wait begins, so a long silence is not taken for a hang.

func init() { register(zhBusy, enBusy) }

var zhBusy = map[string]string{
	"import.waiting": "另一个导入正在进行，完成后继续…",
}

var enBusy = map[string]string{
	"import.waiting": "Another import is in progress; this one continues when it finishes…",
}
