package synth

import (
	"fmt"
	"strings"
)

// The words of the group. Staff texts ask nothing (no question words), so
// that a question's answer is plain to see; which texts are questions and
// check-ins is for the tests to work out by docs/metrics.md's definitions.
const (
	taskText     = "早上好各位！今天的共读任务：《人类简史》第%d章。读完记得在群里打卡～"
	reminderText = "提醒：今天还没打卡的同学记得打卡哦～ 本周打卡满5天的送书签"
)

// questions pairs what members ask with how staff answer; %d is the chapter.
var questions = []struct{ ask, answer string }{
	{"请问老师，这周六的线下读书会在哪里举办？需要提前报名吗？", "在文三路的「半山书房」，周六下午2点。报名表：https://example.com/forms/reading-0%d"},
	{"有人知道这本书有没有电子版？", "微信读书上有电子版，搜书名就行"},
	{"第%d章的讨论题要交书面作业吗？", "不用交，周六线下聊就行"},
	{"怎么加入下一期共读", "每期开营前会在群里发报名链接"},
	{"为什么我的打卡没被统计", "统计表每晚更新一次，明早再看看"},
	{"这周要读到多少页", "本周读到第%d章结束"},
}

var staffChat = []string{"收到", "本周线下活动照片已上传群相册", "大家读得都很认真，继续加油💪"}

var chatter = []string{
	"谢谢老师！", "收到", "哈哈哈 说得太对了", "今天读得有点慢，明天补上", "这一章信息量好大",
	"大家早上好～", "晚安各位 🌙", "周末线下见！", "同意楼上", "这段话写得真好，抄下来了",
	"今天通勤路上听完了一章", "笔记整理好了，晚点发群里",
}

var captions = []string{"今天的读书笔记", "书店拍的，好多新书"}

// linkTexts are texts with a URL; %d makes each URL different.
var linkTexts = []string{
	"推荐这篇：https://example.com/article?id=%d 写得很好",
	"笔记整理在这里 https://mp.weixin.qq.com/s/synth%d",
	"微信读书上有，https://weread.qq.com/book/%d 搜书名就行",
}

// withChapter fills a template's %d, if it has one.
func withChapter(t string, n int) string {
	if strings.Contains(t, "%d") {
		return fmt.Sprintf(t, n)
	}
	return t
}
