package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestChatImportUnclosedQuote: a chat export with a quote left open mid-file
// is refused whole, naming the quote's line, and counts every data row;
// with Partial it imports exactly what the same file without that line
// imports, and rows is still every data row.
func TestChatImportUnclosedQuote(t *testing.T) {
	tests := []struct {
		file string
		line int // the quote's line
		rows int // data rows
		bad  int // bad rows, the open quote's included
	}{
		{"memotrace_quotes.csv", 11, 43, 1},
		{"pywxdump_quotes.csv", 6, 19, 1},
		{"typed_quotes.csv", 4, 39, 1},
		{"chat_csv_quotes_gbk.csv", 8, 8, 2}, // and its row with the time 明天
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ctx := context.Background()
			data, err := os.ReadFile(samples + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			s, g := openStore(t)
			sum, err := Chat(ctx, s, g.ID, samples+tt.file, Options{})
			if domain.ErrorCode(err) != domain.EINVALID || !hasRowError(sum.Errors, tt.line, "chat.unclosed_quote") || len(sum.Errors) != tt.bad {
				t.Fatalf("err %v, errors %+v; want the file refused for an unclosed quote on line %d", err, sum.Errors, tt.line)
			}
			if sum.Rows != tt.rows || sum.Imported != 0 {
				t.Errorf("refused summary: %d rows, %d imported; want %d rows, none imported", sum.Rows, sum.Imported, tt.rows)
			}
			if msgs := allMessages(t, s, g.ID); len(msgs) != 0 {
				t.Fatalf("a refused file wrote %d messages", len(msgs))
			}

			sum, err = Chat(ctx, s, g.ID, samples+tt.file, Options{Partial: true})
			if err != nil || sum.Rows != tt.rows || len(sum.Errors) != tt.bad || !hasRowError(sum.Errors, tt.line, "chat.unclosed_quote") {
				t.Fatalf("partial: %+v, %v; want %d rows, %d bad", sum, err, tt.rows, tt.bad)
			}
			accountedFor(t, sum)

			cleanStore, cleanGroup := openStore(t)
			clean := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(clean, withoutLine(data, tt.line), 0o600); err != nil {
				t.Fatal(err)
			}
			cleanSum, err := Chat(ctx, cleanStore, cleanGroup.ID, clean, Options{Partial: true})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Imported != cleanSum.Imported || sum.Rows != cleanSum.Rows+1 {
				t.Errorf("imported %d of %d rows; without line %d: %d of %d", sum.Imported, sum.Rows, tt.line, cleanSum.Imported, cleanSum.Rows)
			}
			if got, want := messageTexts(allMessages(t, s, g.ID)), messageTexts(allMessages(t, cleanStore, cleanGroup.ID)); !reflect.DeepEqual(got, want) {
				t.Errorf("%d messages, without line %d: %d", len(got), tt.line, len(want))
			}
		})
	}
}

func hasRowError(errs []RowError, line int, key string) bool {
	for _, e := range errs {
		if e.Line == line && e.Key == key {
			return true
		}
	}
	return false
}

func allMessages(t *testing.T, s interface {
	Messages(context.Context, int64, time.Time, time.Time) ([]domain.Message, error)
}, groupID int64) []domain.Message {
	t.Helper()
	msgs, err := s.Messages(context.Background(), groupID, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// messageTexts is what a message says and when, sender id included.
func messageTexts(msgs []domain.Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.SentAt.UTC().Format(time.RFC3339) + " " + m.SenderID + " " + string(m.Kind) + " " + m.Content
	}
	return out
}

// withoutLine drops physical line n (1-based).
func withoutLine(b []byte, n int) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	return bytes.Join(append(lines[:n-1:n-1], lines[n:]...), nil)
}
