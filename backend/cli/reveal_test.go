package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLeakedNumberIsMaskedAndRevealedOnRequest: a phone number written in
// chat is flagged as a leak and shown masked by risk; message reveal shows
// it, and the audit log says who asked.
func TestLeakedNumberIsMaskedAndRevealedOnRequest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	runCLI(t, db, "group", "add", "--name", "群")
	file := filepath.Join(dir, "chat.csv")
	if err := os.WriteFile(file, []byte("时间,发送人,内容\n2024/03/04 10:00:00,小王,要资料的加我 13912345678\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, db, "import", "chat", "--group", "群", file); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ := runCLI(t, db, "--json", "risk", "--group", "群", "--week", "2024-W10")
	var hits []struct {
		Category  string `json:"category"`
		Match     string `json:"match"`
		Content   string `json:"content"`
		MessageID int64  `json:"message_id"`
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err, out)
	}
	var leak int64
	for _, h := range hits {
		if h.Category == "data_leak" && h.Match == "139****5678" && strings.Contains(h.Content, "139****5678") {
			leak = h.MessageID
		}
		if strings.Contains(h.Content, "13912345678") {
			t.Errorf("a hit shows the number in clear: %+v", h)
		}
	}
	if leak == 0 {
		t.Fatalf("no masked phone leak among %s", out)
	}
	code, out, errs := runCLI(t, db, "message", "reveal", "--group", "群", "--id", strconv.FormatInt(leak, 10))
	if code != 0 || strings.TrimSpace(out) != "要资料的加我 13912345678" {
		t.Errorf("reveal: exit %d %q %s", code, out, errs)
	}
	if _, out, _ := runCLI(t, db, "audit", "--action", "message.reveal"); !strings.Contains(out, "查看消息中的完整号码") {
		t.Errorf("the audit log does not show the reveal: %q", out)
	}
}
