package synth_test

import (
	"bytes"
	"testing"

	"qunzhu/backend/importer"
	"qunzhu/backend/synth"
)

// TestGenerateMemoTrace: the bulk generator is deterministic for a seed, and
// every row it writes is one the MemoTrace importer reads — a benchmark on
// rows the parser refuses would measure the wrong thing.
func TestGenerateMemoTrace(t *testing.T) {
	var a, b bytes.Buffer
	if err := synth.GenerateMemoTrace(&a, 3000, 40, 7); err != nil {
		t.Fatal(err)
	}
	if err := synth.GenerateMemoTrace(&b, 3000, 40, 7); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed wrote different bytes")
	}
	if got, err := importer.DetectChatFormat(a.Bytes(), "bulk.csv"); err != nil || got != importer.FormatMemoTrace {
		t.Fatalf("detected as %q (%v)", got, err)
	}
	records, bad := 0, 0
	err := importer.ParseChat(&a, importer.FormatMemoTrace, importer.ChatOptions{
		OnRecord: func(importer.ChatRecord) error { records++; return nil },
		OnBad:    func(importer.LineError) { bad++ },
	})
	if err != nil || bad != 0 || records != 3000 {
		t.Errorf("parsed %d records, %d bad, err %v; want 3000, 0, nil", records, bad, err)
	}
}
