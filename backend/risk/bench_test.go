package risk

import (
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// BenchmarkScanMillion scans 1,000,000 messages of ordinary chat with a
// few risky lines mixed in, as a busy group's year would be.
func BenchmarkScanMillion(b *testing.B) {
	lines := []string{"早上好各位", "今天的福利10点开抢～ https://example.com/deal", "打卡 Day12 读书30分钟",
		"这个锅好用吗？有没有用过的", "我要投诉，不退款就差评", "收到，谢谢", "[图片]", "加我私聊领优惠券",
		"订单号 213812345678901", "明天几点直播？", "哈哈哈哈哈哈", "质量不错，推荐给朋友了"}
	msgs := make([]domain.Message, 1_000_000)
	for i := range msgs {
		id := int64(i%500 + 1)
		msgs[i] = domain.Message{ID: int64(i + 1), GroupID: 1, MemberID: &id, SenderName: fmt.Sprint("成员", id),
			Kind: domain.KindText, Content: lines[i%len(lines)], SentAt: t0.Add(time.Duration(i) * 30 * time.Second)}
	}
	sc := NewScanner(DefaultSets())
	b.ResetTimer()
	for b.Loop() {
		hits := sc.Scan(Input{Group: testGroup(), Messages: msgs})
		if len(hits) == 0 {
			b.Fatal("no hits")
		}
	}
}
