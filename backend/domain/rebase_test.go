package domain

import (
	"reflect"
	"testing"
	"time"
)

// TestRebaseKeepsWhatOthersChanged: an import writes only the fields it
// changed, and none that someone else changed since it read the member.
func TestRebaseKeepsWhatOthersChanged(t *testing.T) {
	joined := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	earlier := joined.AddDate(0, -1, 0)
	base := Member{ID: 7, WxID: "wxid_lin", Nickname: "林知秋", Region: "杭州", Tier: TierNormal, Tags: []string{"老学员"},
		JoinedAt: &joined, Extra: map[string]string{"学号": "A1", "班级": "三班"}, Version: 3}
	tests := []struct {
		name    string
		mine    func(m *Member) // what the import did to base
		theirs  func(m *Member) // what someone else saved meanwhile
		want    func(m *Member) // the result, from theirs
		differs bool
		kept    []string
	}{
		{
			name:    "a note saved meanwhile survives the import's other changes",
			mine:    func(m *Member) { m.Nickname, m.Region = "林知秋🌿", "上海" },
			theirs:  func(m *Member) { m.Notes = "周三请假" },
			want:    func(m *Member) { m.Notes, m.Nickname, m.Region = "周三请假", "林知秋🌿", "上海" },
			differs: true,
		},
		{
			name:   "a field both changed keeps the other's value",
			mine:   func(m *Member) { m.Tags, m.Region = []string{"活跃"}, "上海" },
			theirs: func(m *Member) { m.Tags = []string{"重点"} },
			want:   func(m *Member) { m.Tags, m.Region = []string{"重点"}, "上海" },
			// the region is the import's; the tags the other's
			differs: true,
			kept:    []string{"tags"},
		},
		{
			name:   "the same change on both sides is no conflict",
			mine:   func(m *Member) { m.Region = "上海" },
			theirs: func(m *Member) { m.Region = "上海" },
			want:   func(m *Member) { m.Region = "上海" },
		},
		{
			name: "extra columns are rebased one by one",
			mine: func(m *Member) {
				m.Extra = map[string]string{"学号": "A2", "班级": "三班", "导师": "王老师"}
			},
			theirs: func(m *Member) { m.Extra = map[string]string{"学号": "A1", "班级": "四班"} },
			want: func(m *Member) {
				m.Extra = map[string]string{"学号": "A2", "班级": "四班", "导师": "王老师"}
			},
			differs: true,
		},
		{
			name:    "an earlier join the import found is written",
			mine:    func(m *Member) { m.JoinedAt = &earlier },
			theirs:  func(m *Member) {},
			want:    func(m *Member) { m.JoinedAt = &earlier },
			differs: true,
		},
		{
			name:   "an import that changed nothing writes nothing",
			mine:   func(m *Member) {},
			theirs: func(m *Member) { m.Notes, m.Version = "已联系", 4 },
			want:   func(m *Member) { m.Notes, m.Version = "已联系", 4 },
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mine, theirs := clone(base), clone(base)
			tc.mine(&mine)
			tc.theirs(&theirs)
			want := clone(theirs)
			tc.want(&want)
			got, differs, kept := Rebase(base, mine, theirs)
			if !sameMember(got, want) || got.Version != want.Version {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
			if differs != tc.differs {
				t.Errorf("differs = %v, want %v", differs, tc.differs)
			}
			if !reflect.DeepEqual(kept, tc.kept) {
				t.Errorf("kept = %v, want %v", kept, tc.kept)
			}
		})
	}
}

// clone copies m deeply enough that changing the copy's lists and maps
// leaves m alone.
func clone(m Member) Member {
	c := m
	c.Tags = append([]string(nil), m.Tags...)
	c.Extra = make(map[string]string, len(m.Extra))
	for k, v := range m.Extra {
		c.Extra[k] = v
	}
	return c
}

// TestRebaseCoversEveryField: a field an import changed reaches the member
// written, whatever the field, so a field added to Member later cannot be
// silently dropped by imports (Rebase lists the fields one by one). The
// identity and bookkeeping fields are the store's, never an import's.
func TestRebaseCoversEveryField(t *testing.T) {
	skip := map[string]bool{"ID": true, "GroupID": true, "CreatedAt": true, "UpdatedAt": true, "Version": true}
	typ := reflect.TypeOf(Member{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if skip[f.Name] {
			continue
		}
		var mine Member
		v := reflect.ValueOf(&mine).Elem().Field(i)
		switch f.Type.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			v.Set(reflect.ValueOf([]string{"x"}))
		case reflect.Map:
			v.Set(reflect.ValueOf(map[string]string{"x": "y"}))
		case reflect.Pointer:
			switch f.Type.Elem().Kind() {
			case reflect.Int:
				n := 7
				v.Set(reflect.ValueOf(&n))
			default:
				at := time.Date(2024, 3, 4, 5, 6, 7, 0, time.UTC)
				v.Set(reflect.ValueOf(&at))
			}
		default:
			t.Fatalf("Member.%s: a %s this test cannot fill; teach it, and Rebase", f.Name, f.Type)
		}
		out, differs, kept := Rebase(Member{}, mine, Member{})
		if got := reflect.ValueOf(out).Field(i).Interface(); !differs || len(kept) > 0 || !reflect.DeepEqual(got, v.Interface()) {
			t.Errorf("Member.%s changed by an import is written as %v (differs %v, kept %v)", f.Name, got, differs, kept)
		}
	}
}
