package screening

import (
	"testing"

	"qunzhu/backend/domain"
)

func TestScreen(t *testing.T) {
	ptr := func(n int) *int { return &n }
	at := func(pairs ...int) (h [24]int) {
		for i := 0; i < len(pairs); i += 2 {
			h[pairs[i]] = pairs[i+1]
		}
		return
	}
	c := Criteria{Regions: []string{"上海", "杭州"}, OpenHour: 9, CloseHour: 22}
	tests := []struct {
		name                 string
		c                    Criteria
		m                    domain.Member
		hours                [24]int
		score                int
		region, infl, active any // true, false or nil (unknown)
	}{
		{"all three", c, domain.Member{Region: "中国 上海 浦东", Friends: ptr(800)}, at(20, 7, 23, 3), 3, true, true, true},
		{"exactly 500 friends is not more than 500", c, domain.Member{Region: "杭州", Friends: ptr(500)}, at(10, 1), 2, true, false, true},
		{"exactly 60% in hours is not more than 60%", c, domain.Member{Region: "北京", Friends: ptr(501)}, at(10, 3, 23, 2), 1, false, true, false},
		{"unknown inputs are not known, not failed", c, domain.Member{}, [24]int{}, 0, nil, nil, nil},
		{"no target regions: region not judged", Criteria{OpenHour: 9, CloseHour: 22}, domain.Member{Region: "上海"}, at(12, 1), 1, nil, nil, true},
		{"hours past midnight", Criteria{OpenHour: 20, CloseHour: 2}, domain.Member{}, at(21, 2, 1, 2, 12, 1), 1, nil, nil, true},
	}
	val := func(b *bool) any {
		if b == nil {
			return nil
		}
		return *b
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Screen(tt.c, tt.m, tt.hours)
			if r.Score != tt.score || val(r.RegionOK) != tt.region || val(r.Influence) != tt.infl || val(r.Active) != tt.active {
				t.Errorf("score %d region %v influence %v active %v (overlap %v)", r.Score, val(r.RegionOK), val(r.Influence), val(r.Active), r.Overlap)
			}
		})
	}
}

func TestCriteriaValidate(t *testing.T) {
	if c, err := (Criteria{Regions: []string{" 上海 ", "上海"}, OpenHour: 22, CloseHour: 2}).Validate(); err != nil || len(c.Regions) != 1 {
		t.Errorf("%+v, %v", c, err)
	}
	for _, c := range []Criteria{{OpenHour: 9, CloseHour: 9}, {OpenHour: -1, CloseHour: 9}, {OpenHour: 9, CloseHour: 25}} {
		if _, err := c.Validate(); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%+v accepted", c)
		}
	}
}
