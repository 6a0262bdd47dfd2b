package domain

import (
	"testing"
	"time"
)

// TestDedupeKeyIsStable pins the key: workspaces store it, and a re-import
// with a later version must compute the very same value. (Schema step 29
// shortened it to the first 16 of the 32 digits it had before, and the
// keys stored with it.)
func TestDedupeKeyIsStable(t *testing.T) {
	at := time.Date(2024, 3, 4, 20, 15, 0, 0, time.FixedZone("CST", 8*3600))
	got := DedupeKey("", at, "wxid_a", "", KindText, " 打卡 第12天 ")
	if got != "h:cd1ec61d21fe778e" {
		t.Errorf("DedupeKey = %q", got)
	}
	if got := DedupeKey("42", at, "x", "y", KindText, "z"); got != "id:42" {
		t.Errorf("with a source id: %q", got)
	}
}
