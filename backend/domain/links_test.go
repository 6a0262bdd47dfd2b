package domain

import (
	"strings"
	"testing"
)

func TestURLs(t *testing.T) {
	tests := []struct{ text, want string }{
		{"报名表：https://example.com/forms/reading-0309", "https://example.com/forms/reading-0309"},
		{"加V了解，详情 http://t.cn/demo，名额有限", "http://t.cn/demo"},
		{"看这个（https://weread.qq.com/x）很好", "https://weread.qq.com/x"},
		{`<a href="https://a.com/b">x</a>`, "https://a.com/b"},
		{"两个 https://a.com 和 HTTP://B.com/c。", "https://a.com|HTTP://B.com/c"},
		{"没有链接 http:/ 也没有", ""},
		{"全角空格https://a.com/x\u3000后面", "https://a.com/x"},
	}
	for _, tt := range tests {
		if got := strings.Join(URLs(tt.text), "|"); got != tt.want {
			t.Errorf("URLs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestIsLinkPostAndStrip(t *testing.T) {
	if !IsLinkPost(KindLink, "") {
		t.Error("a link card whose URL was lost is still a link post")
	}
	if !IsLinkPost(KindText, "看 https://a.com") || IsLinkPost(KindText, "没有链接") || IsLinkPost(KindImage, "https://a.com") {
		t.Error("text with a URL is a link post; other text and other kinds are not")
	}
	if got := StripURLs("这个怎么用？https://a.com/how?x=1"); strings.Contains(got, "a.com") || !strings.Contains(got, "怎么用？") {
		t.Errorf("StripURLs = %q", got)
	}
	if strings.ContainsRune(StripURLs("看 https://a.com/q?x=1"), '?') {
		t.Error("a ? inside a URL must not survive stripping (it would make a question)")
	}
}

func TestExcerpt(t *testing.T) {
	if got := Excerpt("多行打卡：\n第一行\t第二行", 100); got != "多行打卡： 第一行 第二行" {
		t.Errorf("Excerpt flattens lines: %q", got)
	}
	if got := Excerpt("一二三四五", 3); got != "一二三…" {
		t.Errorf("Excerpt cuts by characters: %q", got)
	}
}

func TestIndexScheme(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", -1},
		{"http://a", 0},
		{"看 HTTPS://x.cn", 4},
		{"hhttp://x", 1},
		{"http:/x https://y", 8},
		{"İİ http://x", 5},
		{"no link here, h", -1},
		{"httpx://a http", -1},
		{"Http://", 0},
	} {
		if got := indexScheme(c.in); got != c.want {
			t.Errorf("indexScheme(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
