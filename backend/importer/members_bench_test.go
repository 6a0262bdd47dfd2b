package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// memberListCSV writes n members the way Excel on Chinese Windows saves them.
func memberListCSV(b *testing.B, n int, gbk bool) []byte {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("序号,昵称,群昵称,微信号,备注,手机号,性别,地区,入群时间,入群方式,邀请人,标签\r\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "%d,成员%05d,群友%d,wxid_m%06d,\"备注,%d\",138%08d,女,浙江 杭州,2024/%d/%d %d:%02d,扫描群二维码入群,林知秋,活跃;老学员\r\n",
			i, i, i, i, i, i, i%12+1, i%28+1, i%24, i%60)
	}
	if !gbk {
		return []byte("\xef\xbb\xbf" + sb.String())
	}
	out, err := simplifiedchinese.GB18030.NewEncoder().String(sb.String())
	if err != nil {
		b.Fatal(err)
	}
	return []byte(out)
}

func BenchmarkParseMembers(b *testing.B) {
	for _, n := range []int{500, 50000} {
		for _, gbk := range []bool{true, false} {
			enc := "utf8bom"
			if gbk {
				enc = "gbk"
			}
			b.Run(fmt.Sprintf("%d/%s", n, enc), func(b *testing.B) {
				data := memberListCSV(b, n, gbk)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					got := 0
					_, err := ParseMembers(bytes.NewReader(data), "members.csv", MemberOptions{
						OnRecord: func(MemberRecord) error { got++; return nil },
						OnBad:    func(e LineError) { b.Fatalf("bad row %+v", e) },
					})
					if err != nil || got != n {
						b.Fatalf("%d members, %v", got, err)
					}
				}
			})
		}
	}
}
