package membersvc

import (
	"context"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// FindMember finds the member ref names in a group: by id, else by name
// (display name, nickname, remark, group nickname, wxid or 微信号). A name
// several members share is refused with their ids (member.ref_ambiguous).
func (s *Service) FindMember(ctx context.Context, groupID int64, ref string) (domain.Member, error) {
	members, err := s.st.Members(ctx, groupID)
	if err != nil {
		return domain.Member{}, err
	}
	if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		for _, m := range members {
			if m.ID == id {
				return m, nil
			}
		}
	}
	var found []domain.Member
	for _, m := range members {
		for _, n := range []string{m.DisplayName(), m.Nickname, m.Remark, m.GroupNickname, m.WxID, m.WeChatID} {
			if n != "" && n == ref {
				found = append(found, m)
				break
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return domain.Member{}, domain.Errorf(domain.ENOTFOUND, "member.ref_missing", map[string]any{"ref": ref})
	}
	ids := make([]string, len(found))
	for i, m := range found {
		ids[i] = strconv.FormatInt(m.ID, 10)
	}
	return domain.Member{}, domain.Errorf(domain.EINVALID, "member.ref_ambiguous", map[string]any{"ref": ref, "count": len(found), "ids": strings.Join(ids, ", ")})
}

// MergeCandidates lists the members of a group who look like one person
// held several times: they share a name and never spoke at the same time.
func (s *Service) MergeCandidates(ctx context.Context, groupID int64) (domain.Group, []store.MergeCandidate, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return g, nil, err
	}
	c, err := s.st.MergeCandidates(ctx, groupID)
	return g, c, err
}

// MergeInput folds the members FromIDs into IntoID; IntoVersion is the
// version of IntoID the operator saw (0: not checked, the command line).
type MergeInput struct {
	GroupID     int64
	IntoID      int64
	IntoVersion int
	FromIDs     []int64
}

// Merged is what a merge did: the kept member and the import history's
// batch that undoes it (the batch's File is its label there).
type Merged struct {
	Batch domain.ImportBatch
	Into  domain.Member
}

// Merge folds members into one (store.MergeMembers): their messages,
// points, timeline and strikes go to the kept member, the others
// disappear, and the import history lists it as one batch that can be
// undone.
func (s *Service) Merge(ctx context.Context, in MergeInput) (Merged, error) {
	b, m, err := s.st.MergeMembers(ctx, in.GroupID, in.IntoID, in.IntoVersion, in.FromIDs)
	return Merged{Batch: b, Into: m}, err
}
