package membersvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/screening"
)

// Criteria reads a group's screening criteria (the defaults when never set).
func (s *Service) Criteria(ctx context.Context, groupID int64) (screening.Criteria, error) {
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return screening.Criteria{}, err
	}
	return screening.Load(ctx, s.st, groupID)
}

// CriteriaChange changes some of a group's screening criteria; nil leaves
// one as it is.
type CriteriaChange struct {
	GroupID    int64
	Regions    *[]string
	MinFriends *int
	OpenHour   *int
	CloseHour  *int
}

// ChangeCriteria checks and stores a group's screening criteria and
// returns them as stored.
func (s *Service) ChangeCriteria(ctx context.Context, in CriteriaChange) (screening.Criteria, error) {
	c, err := s.Criteria(ctx, in.GroupID)
	if err != nil {
		return c, err
	}
	if in.Regions != nil {
		c.Regions = *in.Regions
	}
	if in.MinFriends != nil {
		if *in.MinFriends < 1 {
			return c, domain.Errorf(domain.EINVALID, "screening.bad_min_friends", map[string]any{"value": *in.MinFriends, "max": screening.MaxMinFriends})
		}
		c.MinFriends = *in.MinFriends
	}
	if in.OpenHour != nil {
		c.OpenHour = *in.OpenHour
	}
	if in.CloseHour != nil {
		c.CloseHour = *in.CloseHour
	}
	return screening.Save(ctx, s.st, in.GroupID, c)
}

// Candidates is a candidate list screened against a group's criteria;
// nothing of it is stored.
type Candidates struct {
	List     ingest.CandidateList
	Criteria screening.Criteria
	People   []screening.Candidate // best first
}

// ScreenCandidates reads a candidate list (a file laid out like a member
// list: .csv or .xlsx) and scores each person against the group's
// screening criteria, best first. The people are not added to the group.
func (s *Service) ScreenCandidates(ctx context.Context, groupID int64, path string) (Candidates, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return Candidates{}, err
	}
	c, err := screening.Load(ctx, s.st, groupID)
	if err != nil {
		return Candidates{}, err
	}
	list, err := ingest.Candidates(ctx, path, g.Location())
	if err != nil {
		return Candidates{}, err
	}
	return Candidates{List: list, Criteria: c, People: screening.Candidates(c, list.People)}, nil
}
