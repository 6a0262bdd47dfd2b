package screening

import (
	"strconv"
	"strings"
)

// ListedHours reads the active hours a member list gives (活跃时段, e.g.
// "20:00-22:00", "8-12、19:30-23:00", "21:00~次日01:00") as minutes in
// each local hour, so a member who never spoke — or a candidate who is not
// in the group yet — can still be judged on overlap with the operating
// hours. Ranges are separated by 、，,;；/ or spaces; the ends of a range by
// -, ~, ～, –, —, 至 or 到; a time is H, HH, H:MM or HH:MM (a full-width
// colon too), 24:00 ends a day, and an end at or before its start runs
// past midnight. ok is false when nothing in s reads as a range.
func ListedHours(s string) (minutes [24]int, ok bool) {
	s = strings.NewReplacer("：", ":", "次日", "", "～", "~", "–", "-", "—", "-", "至", "-", "到", "-", "~", "-").Replace(s)
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,;；/ \t", r)
	}) {
		a, b, found := strings.Cut(part, "-")
		if !found {
			continue
		}
		from, ok1 := clock(a)
		to, ok2 := clock(b)
		if !ok1 || !ok2 || from == 24*60 {
			continue
		}
		if to <= from {
			to += 24 * 60
		}
		for m := from; m < to; m++ {
			minutes[(m/60)%24]++
		}
		ok = true
	}
	return minutes, ok
}

// clock reads "H", "HH", "H:MM" or "HH:MM" as minutes after midnight
// (24:00 allowed).
func clock(s string) (int, bool) {
	s = strings.TrimSpace(s)
	hs, ms, hasMin := strings.Cut(s, ":")
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 24 || len(hs) > 2 {
		return 0, false
	}
	m := 0
	if hasMin {
		if m, err = strconv.Atoi(ms); err != nil || m < 0 || m > 59 || len(ms) != 2 {
			return 0, false
		}
	}
	if h == 24 && m != 0 {
		return 0, false
	}
	return h*60 + m, true
}
