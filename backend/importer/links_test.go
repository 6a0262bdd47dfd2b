package importer

import (
	"strings"
	"testing"
)

func TestParseTrackedLinks(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		links   int
		clicks  int
		reach   int
		badLine int
		wantErr bool
	}{
		{name: "english", in: "url,clicks,reach\nhttps://a.com,12,100\nhttps://b.com,\"1,200\",\"10,000\"\n", links: 2, clicks: 1212, reach: 10100},
		{name: "chinese with notes", in: "\ufeff链接,点击数（次）,触达人数\nhttps://a.com,5,50\n", links: 1, clicks: 5, reach: 50},
		{name: "tab separated", in: "url\tclicks\treach\nhttps://a.com\t3\t30\n", links: 1, clicks: 3, reach: 30},
		{name: "bad number", in: "url,clicks,reach\nhttps://a.com,many,100\nhttps://b.com,1,10\n", links: 1, clicks: 1, reach: 10, badLine: 2},
		{name: "clicks over reach", in: "url,clicks,reach\nhttps://a.com,1,10\nhttps://b.com,50,10\n", links: 1, clicks: 1, reach: 10, badLine: 3},
		{name: "missing reach column", in: "url,clicks\nhttps://a.com,1\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var bad []LineError
			links, err := ParseTrackedLinks(strings.NewReader(tt.in), func(e LineError) { bad = append(bad, e) })
			if tt.wantErr {
				if err == nil {
					t.Fatal("want an error naming the missing column")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			clicks, reach := 0, 0
			for _, l := range links {
				clicks += l.Clicks
				reach += l.Reach
			}
			if len(links) != tt.links || clicks != tt.clicks || reach != tt.reach {
				t.Errorf("links %d, clicks %d, reach %d; want %d, %d, %d", len(links), clicks, reach, tt.links, tt.clicks, tt.reach)
			}
			if tt.badLine != 0 && (len(bad) != 1 || bad[0].Line != tt.badLine) {
				t.Errorf("bad rows = %+v, want one at line %d", bad, tt.badLine)
			}
		})
	}
}
