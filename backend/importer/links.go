package importer

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// TrackedLink is one row of a tracked-link export: a pushed URL with how
// many people clicked it and how many it reached.
type TrackedLink struct {
	Line   int
	URL    string
	Clicks int
	Reach  int
}

// linkColumns names the columns of a tracked-link sheet (normalizeHeader).
var linkColumns = [3][]string{
	{"url", "链接", "网址", "link"},
	{"clicks", "点击", "点击数", "点击量", "点击次数", "click"},
	{"reach", "触达", "触达人数", "曝光", "曝光数", "曝光量", "送达", "送达人数", "impressions"},
}

// ParseTrackedLinks reads a tracked-link CSV (url, clicks, reach; Chinese or
// English headers; any encoding and separator a member list may have). A row
// whose numbers cannot be read, or whose clicks exceed its reach, goes to
// onBad with its line.
func ParseTrackedLinks(r io.Reader, onBad func(LineError)) ([]TrackedLink, error) {
	p := &chatParse{opt: ChatOptions{OnBad: onBad}}
	text, _, err := openChatText(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(text, 64<<10)
	rows, err := newChatRows(br, p, byte(sniffSeparator(br)))
	if err != nil {
		return nil, err
	}
	cols := [3]int{-1, -1, -1}
	for i, h := range rows.header {
		n := normalizeHeader(h)
		for c, names := range linkColumns {
			for _, name := range names {
				if cols[c] < 0 && n == name {
					cols[c] = i
				}
			}
		}
	}
	var missing []string
	for c, name := range []string{"url/链接", "clicks/点击", "reach/触达"} {
		if cols[c] < 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, missingColumns(missing)
	}
	var out []TrackedLink
	err = rows.each(linkShape(len(rows.header), cols[1], cols[2]), func(f []string, line int) error {
		link := TrackedLink{Line: line, URL: strings.TrimSpace(field(f, cols[0]))}
		var ok1, ok2 bool
		link.Clicks, ok1 = count(field(f, cols[1]))
		link.Reach, ok2 = count(field(f, cols[2]))
		switch {
		case !ok1 || !ok2:
			p.bad(line, "links.bad_number", map[string]any{"clicks": field(f, cols[1]), "reach": field(f, cols[2])})
		case link.Clicks > link.Reach:
			p.bad(line, "links.clicks_over_reach", map[string]any{"clicks": link.Clicks, "reach": link.Reach})
		default:
			out = append(out, link)
		}
		return nil
	})
	return out, err
}

// count reads a non-negative whole number as people type it: "1,234", " 56 ".
func count(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// linkShape: a row of a tracked-link sheet has all its columns and counts
// for clicks and reach.
func linkShape(width, iClicks, iReach int) rowShape {
	return rowShape{min: width, begins: func(f []string, open bool) bool {
		n := len(f)
		if open {
			n--
		}
		if len(f) < width || iClicks >= n || iReach >= n {
			return false
		}
		_, ok1 := count(f[iClicks])
		_, ok2 := count(f[iReach])
		return ok1 && ok2
	}}
}
