package synth_test

import (
	"bytes"
	"testing"

	"qunzhu/backend/importer"
	"qunzhu/backend/synth"
)

// TestEachFileIsDetectedAsItsFormat: importer.DetectChatFormat names each
// chat file's format from its first bytes, as `import chat` does.
func TestEachFileIsDetectedAsItsFormat(t *testing.T) {
	c := synth.New(1)
	seen := 0
	for _, f := range c.Files() {
		if f.Format == synth.FormatMembers {
			continue
		}
		seen++
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := importer.DetectChatFormat(buf.Bytes(), f.Name)
		if err != nil || got != f.Format {
			t.Errorf("%s detected as %q (%v), want %q", f.Name, got, err, f.Format)
		}
	}
	if seen != len(importer.ChatFormats) || len(synth.ChatFormats) != len(importer.ChatFormats) {
		t.Errorf("%d chat files for %d formats", seen, len(importer.ChatFormats))
	}
}
