package synth

import (
	"fmt"
	"time"

	"qunzhu/backend/domain"
)

// specials writes the day's scripted moments: each identity or export case
// the package doc lists happens once, on a day of its own.
func (s *script) specials(d int) {
	p := s.c.Person
	switch d {
	case 1: // a link card, and a text whose URL holds a "?" (no question once URLs are removed)
		s.put(s.claim(minuteOf(19, 12)), s.card(p(KeyDali), "一张图看懂《人类简史》第3章", "https://example.com/review/sapiens-ch3"))
		s.put(s.claim(minuteOf(19, 40)), s.text(p(KeyChen), "推荐这篇：https://example.com/article?id=42 写得很好"))
	case 2: // the link card whose URL is lost, with its note in the same minute
		lost := s.card(p(KeyChen), "《人类简史》：我们为什么会相信虚构的故事？", "https://example.com/review/sapiens-fiction")
		lost.LostURL = true
		s.put(s.claim(minuteOf(20, 45)), lost, s.text(p(KeyChen), "推荐这篇书评，写得很好"))
	case 3: // a quote of the day's task
		s.put(s.claim(minuteOf(9, 30)), Message{Sender: p(KeySun), Kind: domain.KindQuote, Text: "收到，今天就读这一章"}).quote = true
	case 4: // two identical 好的 from one person in one minute
		s.put(s.claim(minuteOf(12, 20)), s.text(p(KeyWu), "好的"), s.text(p(KeyWu), "好的"))
	case 5: // a video, and a check-in over three lines
		s.put(s.claim(minuteOf(10, 5)), s.media(p(KeyAmy), domain.KindVideo))
		s.days[p(KeyAmy)]++
		s.put(s.claim(minuteOf(21, 33)), s.text(p(KeyAmy), fmt.Sprintf("打卡 Day%d\n《人类简史》p%d-%d\n感想：认知革命那部分很有意思", s.days[p(KeyAmy)], 40, 72)))
	case 6: // WeChat's inline emoji: text, not a placeholder
		s.put(s.claim(minuteOf(16, 8)), s.text(p(KeyWangSH), "[微笑] 谢谢分享"))
	case 8: // 赵敏 joins by invitation
		actor := p(KeyChen)
		s.fixed(joinAt, s.system(`"`+s.c.People[actor].DisplayName()+`"邀请"赵敏"加入了群聊`, &Event{Type: Join, Actor: actor, Names: []int{p(KeyJoiner)}}))
		s.fixed(joinAt.Add(35*time.Second), s.text(p(KeyOwner), "欢迎 @赵敏 加入！群规见群公告：每天打卡、不发广告、不拉人进其他群。"))
		s.fixed(joinAt.Add(133*time.Second), s.text(p(KeyJoiner), "谢谢老师，大家好～"))
	case 9: // the newcomer asks (a question that mentions 打卡: no check-in)
		q := s.claim(minuteOf(13, 3))
		s.put(q, s.text(p(KeyJoiner), "大家好，我是新来的，想问下每天打卡有格式要求吗？"))
		s.put(s.claim(q+7), s.text(p(KeyAdmin), "@赵敏 写上天数和读了什么就行，比如：打卡 Day1 p1-30"))
	case 17: // 周一鸣 says goodbye and leaves
		s.put(s.claim(minuteOf(20, 31)), s.text(p(KeyLeaver), "最近太忙了，先退群了，大家加油！"))
		s.fixed(leaveAt, s.system(`"周一鸣"退出了群聊`, &Event{Type: Leave, Actor: -1, Names: []int{p(KeyLeaver)}}))
	case 20: // the last question of the chat: no staff message after it
		s.put(s.claim(minuteOf(23, 50)), s.text(p(KeyWangBJ), "下期共读什么书？有人知道吗"))
	}
}

// routine writes an ordinary day: the owner's task, questions and answers,
// check-ins, chatter, an evening reminder every other day, and now and then
// a check-in from the person known only by wxid.
func (s *script) routine(d int) {
	owner := s.c.Person(KeyOwner)
	s.put(s.claim(s.between(minuteOf(7, 30), minuteOf(8, 20))), s.text(owner, fmt.Sprintf(taskText, s.chapt))).task = true

	for n := 1 + s.rng.IntN(3)/2; n > 0; n-- {
		q := s.claim(s.between(minuteOf(9, 0), minuteOf(21, 0)))
		asker := s.member(q)
		k := s.rng.IntN(len(questions))
		s.put(q, s.text(asker, withChapter(questions[k].ask, s.chapt)))
		if s.rng.IntN(3) == 0 {
			m := s.claim(q + 1 + s.rng.IntN(3))
			s.put(m, s.text(s.member(m, asker), "同问"))
		}
		a := s.claim(q + 4 + s.rng.IntN(92))
		s.put(a, s.text(s.staff(), "@"+s.c.People[asker].DisplayName()+" "+withChapter(questions[k].answer, s.chapt)))
	}

	for n := 3 + s.rng.IntN(4); n > 0; n-- {
		m := s.claim(s.between(minuteOf(6, 30), minuteOf(23, 0)))
		who := s.member(m)
		s.put(m, s.text(who, s.checkin(who)))
	}

	for n := 5 + s.rng.IntN(5); n > 0; n-- {
		m := s.claim(s.between(minuteOf(6, 40), minuteOf(23, 30)))
		if s.rng.IntN(7) == 0 {
			s.put(m, s.text(s.staff(), pick(s, staffChat)))
			continue
		}
		who := s.member(m)
		switch r := s.rng.IntN(100); {
		case r < 50:
			s.put(m, s.text(who, pick(s, chatter)))
		case r < 60:
			s.put(m, s.media(who, domain.KindImage), s.text(who, pick(s, captions)))
		case r < 68:
			s.put(m, s.media(who, domain.KindImage))
		case r < 80:
			s.put(m, s.media(who, domain.KindEmoji))
		case r < 88:
			s.put(m, s.media(who, domain.KindVoice))
		case r < 95:
			s.put(m, s.text(who, withChapter(pick(s, linkTexts), 100+s.rng.IntN(900))))
		default:
			ch := 1 + s.rng.IntN(20)
			s.put(m, s.card(who, fmt.Sprintf("一张图看懂《人类简史》第%d章", ch), fmt.Sprintf("https://example.com/review/sapiens-ch%d", ch)))
		}
	}

	if d%2 == 0 {
		s.put(s.claim(s.between(minuteOf(20, 20), minuteOf(21, 10))), s.text(owner, reminderText))
	}
	if d%3 == 1 {
		who := s.c.Person(KeyOnlyID)
		s.put(s.claim(s.between(minuteOf(7, 0), minuteOf(22, 0))), s.text(who, s.checkin(who)))
	}
}

// checkin writes person i's next check-in, in one of the ways people write them.
func (s *script) checkin(i int) string {
	s.days[i]++
	n := s.days[i]
	switch s.rng.IntN(5) {
	case 0:
		return fmt.Sprintf("打卡 Day%d 《人类简史》第%d章，读了%d页", n, s.chapt, 10+s.rng.IntN(40))
	case 1:
		return fmt.Sprintf("#打卡 第%d天", n)
	case 2:
		return fmt.Sprintf("【打卡】Day%d 读书%d分钟", n, 20+5*s.rng.IntN(9))
	case 3:
		return fmt.Sprintf("Day%d 打卡✅ 第%d章读完", n, s.chapt)
	}
	return fmt.Sprintf("打卡 Day%d（补昨天的）", n)
}

func pick(s *script, list []string) string { return list[s.rng.IntN(len(list))] }
