package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/synth"
)

// A media message's XML (aeskeys, CDN addresses) is not stored: the message
// keeps its kind and a short label, and text keeps its words.
func TestMediaMessagesKeepALabelNotTheirXML(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	path := filepath.Join(t.TempDir(), "chat.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.GenerateMemoTrace(f, 3000, 40, 7); err != nil {
		t.Fatal(err)
	}
	f.Close()
	sum, err := Chat(ctx, s, g.ID, path, Options{})
	if err != nil || sum.Imported == 0 {
		t.Fatalf("%+v %v", sum, err)
	}
	msgs, err := s.Messages(ctx, g.ID, time.Unix(0, 0), time.Now().AddDate(10, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	media := 0
	for _, m := range msgs {
		if strings.Contains(m.Content, "<") && !domain.Textual(m.Kind) {
			t.Fatalf("%s message stored with its XML: %q", m.Kind, m.Content)
		}
		if m.Kind == domain.KindImage {
			media++
			if m.Content != "[图片]" {
				t.Errorf("image content %q, want [图片]", m.Content)
			}
		}
	}
	if media == 0 {
		t.Fatal("no image in the generated chat")
	}
}

// The label changes nothing a duplicate is told by: the dedupe key of a
// media message never held its content, so a message stored with its XML
// (before) and the same message labelled (now) are one.
func TestMediaLabelKeepsDedupe(t *testing.T) {
	at := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	xml := `<?xml version="1.0"?><msg><img aeskey="0123456789abcdef" length="5000" /></msg>`
	if got := mediaLabel(domain.KindImage, xml); got != "[图片]" {
		t.Fatalf("label %q", got)
	}
	if got := mediaLabel(domain.KindText, "<b>hi</b>"); got != "<b>hi</b>" {
		t.Errorf("text changed: %q", got)
	}
	if got := mediaLabel(domain.KindFile, "report.pdf"); got != "report.pdf" {
		t.Errorf("a file's name changed: %q", got)
	}
	b := &chatBuilder{seen: map[string]int{}}
	before := b.dedupeKey(importer.ChatRecord{SentAt: at, SenderID: "wxid_a", Kind: domain.KindImage}, domain.Message{SentAt: at, SenderID: "wxid_a", Kind: domain.KindImage, Content: xml})
	b = &chatBuilder{seen: map[string]int{}}
	after := b.dedupeKey(importer.ChatRecord{SentAt: at, SenderID: "wxid_a", Kind: domain.KindImage}, domain.Message{SentAt: at, SenderID: "wxid_a", Kind: domain.KindImage, Content: mediaLabel(domain.KindImage, xml)})
	if before != after {
		t.Errorf("dedupe key changed: %s → %s", before, after)
	}
	if !domain.SameContent(domain.KindImage, xml, "[图片]") {
		t.Error("stored XML and label are not the same content")
	}
}
