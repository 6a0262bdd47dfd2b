package risk

import (
	"strings"
	"testing"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// FuzzScan feeds arbitrary text through every pattern: the scanner never
// panics, every hit names its message and a level 1–3, and a number it
// reports stands in the text.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"转账13812345678", "11010519491231002X", "投诉 https://s.click.taobao.com/x 优惠券",
		"abc1381234567890", "\xff\xfe12315", "1" + strings.Repeat("3", 40), "加V私聊我二维码", ""} {
		f.Add(s, s)
	}
	sc := NewScanner(DefaultSets())
	f.Fuzz(func(t *testing.T, a, b string) {
		msgs := []domain.Message{message(1, 7, domain.KindText, a, 0), message(2, 8, domain.KindLink, b, 1)}
		for i := int64(3); i < 10; i++ {
			msgs = append(msgs, message(i, i, domain.KindText, a+"投诉", int(i)))
		}
		for _, h := range sc.Scan(Input{Group: testGroup(), Messages: msgs}) {
			if h.Level < 1 || h.Level > 3 || !h.Category.Valid() || h.MessageID == 0 || h.Key == "" {
				t.Fatalf("bad hit %+v", h)
			}
			if !utf8.ValidString(h.Match) && utf8.ValidString(a) && utf8.ValidString(b) {
				t.Fatalf("match %q not UTF-8", h.Match)
			}
		}
		for _, p := range domain.Phones(a) {
			if !strings.Contains(a, p) || len(p) != 11 {
				t.Fatalf("phone %q not in %q", p, a)
			}
		}
		for _, id := range domain.IDCards(a) {
			if !strings.Contains(strings.ToUpper(a), id) || !domain.ValidID(id) {
				t.Fatalf("id %q not in %q", id, a)
			}
		}
	})
}
