package synth

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// listed returns the indexes of the people on the member lists, in the
// order a list export gives them: by join time.
func (c *Chat) listed() []int {
	var out []int
	for i, p := range c.People {
		if p.Listed {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return c.People[a].ListJoinedAt.Compare(c.People[b].ListJoinedAt) })
	return out
}

// Listed returns the indexes in People of the member lists' rows, in row order.
func (c *Chat) Listed() []int { return c.listed() }

var fullHeader = []string{"昵称", "群昵称", "微信号", "备注", "性别", "地区", "入群时间", "入群方式", "邀请人", "标签"}

// memberRow is person i's row of the full list.
func (c *Chat) memberRow(i int) []string {
	p := c.People[i]
	t := p.ListJoinedAt.In(c.Location)
	joined := fmt.Sprintf("%d/%d/%d %d:%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute()) // Excel's 2024/3/4 9:15
	return []string{p.Nickname, p.GroupNickname, p.WeChatID, p.Remark, p.Gender, p.Region,
		joined, p.JoinScene, p.Inviter, strings.Join(p.Tags, ";")}
}

// WriteMembers writes the full member list: UTF-8 with BOM, CRLF, one row
// per listed person with 昵称, 群昵称, 微信号 (not the chat wxid), 备注, 性别,
// 地区, 入群时间 (minutes), 入群方式, 邀请人 and 标签 (;-separated).
func (c *Chat) WriteMembers(w io.Writer) error {
	cw := newCSVWriter(w, true)
	cw.record(fullHeader...)
	for _, i := range c.listed() {
		cw.record(c.memberRow(i)...)
	}
	return cw.flush()
}

// WriteMembersSameName writes the list without its 微信号 column: the two
// 小王 rows share a nickname and nothing else, and are two people.
func (c *Chat) WriteMembersSameName(w io.Writer) error {
	cw := newCSVWriter(w, true)
	cw.record(slices.Delete(slices.Clone(fullHeader), 2, 3)...)
	for _, i := range c.listed() {
		cw.record(slices.Delete(c.memberRow(i), 2, 3)...)
	}
	return cw.flush()
}

// WriteMembersDamaged writes the full list with two damaged rows (see
// DamagedLines): 陈晓雨's tags typed with a comma and not quoted, one field
// more than the header; and 王大力's remark opened with a quote that is never
// closed, which swallows the rows after it.
func (c *Chat) WriteMembersDamaged(w io.Writer) error {
	cw := newCSVWriter(w, true)
	cw.record(fullHeader...)
	for _, i := range c.listed() {
		row := c.memberRow(i)
		switch c.People[i].Key {
		case KeyChen:
			row[9] = strings.Join(c.People[i].Tags, ",")
			cw.raw(strings.Join(row, ",") + "\r\n")
		case KeyDali:
			row[3] = `"` + row[3]
			cw.raw(strings.Join(row, ",") + "\r\n")
		default:
			cw.record(row...)
		}
	}
	return cw.flush()
}

// DamagedLines are the lines (the header is line 1) of members_damaged.csv's
// row with too many fields and of its row with the unclosed quote.
func (c *Chat) DamagedLines() (extraField, unclosedQuote int) {
	for n, i := range c.listed() {
		switch c.People[i].Key {
		case KeyChen:
			extraField = n + 2
		case KeyDali:
			unclosedQuote = n + 2
		}
	}
	return extraField, unclosedQuote
}
