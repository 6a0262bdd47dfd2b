package start

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

type memSettings struct {
	m      map[string]string
	writes int
}

func (s *memSettings) Setting(_ context.Context, k string) (string, bool, error) {
	v, ok := s.m[k]
	return v, ok, nil
}

func (s *memSettings) SetSetting(_ context.Context, k, v string) error {
	s.m[k] = v
	s.writes++
	return nil
}

func TestFactsOf(t *testing.T) {
	for _, tc := range []struct {
		name  string
		kinds []domain.BatchKind
		want  Facts
	}{
		{"nothing", nil, Facts{}},
		{"a member list", []domain.BatchKind{domain.BatchMembers}, Facts{MemberList: true}},
		{"a chat and a merge", []domain.BatchKind{domain.BatchChat, domain.BatchMerge}, Facts{Chat: true}},
		{"both", []domain.BatchKind{domain.BatchChat, domain.BatchMembers}, Facts{MemberList: true, Chat: true}},
		{"the demo", []domain.BatchKind{domain.BatchDemo}, Facts{MemberList: true, Chat: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var bs []domain.ImportBatch
			for _, k := range tc.kinds {
				bs = append(bs, domain.ImportBatch{Kind: k})
			}
			if got := FactsOf(bs); got != tc.want {
				t.Errorf("FactsOf = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestOf: the health and report steps count only with a chat imported, and
// the checklist is complete only when all four are done.
func TestOf(t *testing.T) {
	seen := Marks{Health: true, Report: true}
	if c := Of(Facts{MemberList: true}, seen); c.Done[StepHealth] || c.Done[StepReport] || !c.Done[StepMembers] || c.Complete() {
		t.Errorf("no chat yet: %+v", c)
	}
	if c := Of(Facts{MemberList: true, Chat: true}, Marks{Health: true}); !c.Done[StepHealth] || c.Done[StepReport] || c.Complete() {
		t.Errorf("health seen, no report: %+v", c)
	}
	if c := Of(Facts{MemberList: true, Chat: true}, seen); !c.Complete() {
		t.Errorf("all done: %+v", c)
	}
	if c := Of(Facts{}, Marks{Dismissed: true}); !c.Dismissed || c.Complete() {
		t.Errorf("dismissed: %+v", c)
	}
}

// TestMark: marks are kept per group, a mark already made writes nothing,
// and a step the data shows cannot be marked.
func TestMark(t *testing.T) {
	ctx := context.Background()
	st := &memSettings{m: map[string]string{}}
	created := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	g7 := domain.Group{ID: 7, CreatedAt: created}
	if _, err := Mark(ctx, st, g7, StepHealth); err != nil {
		t.Fatal(err)
	}
	if _, err := Mark(ctx, st, g7, StepHealth); err != nil {
		t.Fatal(err)
	}
	if st.writes != 1 {
		t.Errorf("%d writes for the same mark twice, want 1", st.writes)
	}
	m, err := Load(ctx, st, g7)
	if err != nil || !m.Health || m.Report {
		t.Errorf("group 7: %+v %v", m, err)
	}
	if other, _ := Load(ctx, st, domain.Group{ID: 8, CreatedAt: created}); other != (Marks{}) {
		t.Errorf("group 8 got group 7's marks: %+v", other)
	}
	if want := `{"health":true,"created":1796634000}`; st.m["group_start:7"] != want {
		t.Errorf("stored %q, want %q", st.m["group_start:7"], want)
	}
	if _, err := Mark(ctx, st, g7, StepChat); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("marking the chat step: %v, want EINVALID", err)
	}
	m, _ = Change(ctx, st, g7, func(m *Marks) { m.Dismissed = true })
	if !m.Dismissed || !m.Health {
		t.Errorf("after dismissing: %+v", m)
	}
	// Group 7 deleted and a new group created under the same id: it starts afresh.
	if again, _ := Load(ctx, st, domain.Group{ID: 7, CreatedAt: created.Add(time.Hour)}); again != (Marks{}) {
		t.Errorf("a new group of the same id inherited the old one's marks: %+v", again)
	}
}
