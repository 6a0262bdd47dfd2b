package membersvc

import (
	"context"
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
)

// Grant is points granted (Points > 0) or redeemed (Points < 0) by hand,
// with a reason.
type Grant struct {
	GroupID, MemberID int64
	Points            int
	Reason            string
}

// AddPoints records a grant or a redemption (audited as points.add). A
// redemption may not take the member's balance to date below zero
// (points.not_enough); a zero amount or an empty reason is refused.
func (s *Service) AddPoints(ctx context.Context, in Grant) (domain.PointGrant, error) {
	if in.Points < 0 {
		l, err := s.current(ctx, in.GroupID)
		if err != nil {
			return domain.PointGrant{}, err
		}
		r, err := row(l, in.MemberID)
		if err != nil {
			return domain.PointGrant{}, err
		}
		if r.Points+in.Points < 0 {
			return domain.PointGrant{}, domain.Errorf(domain.EINVALID, "points.not_enough",
				map[string]any{"name": r.Name, "balance": r.Points, "points": -in.Points})
		}
	}
	return s.st.AddPoints(ctx, domain.PointGrant{GroupID: in.GroupID, MemberID: in.MemberID, Points: in.Points, Reason: in.Reason})
}

// Balance is one member's (or unmatched sender's) points to date.
type Balance struct {
	Name    string
	Balance int
}

// Balances are every balance of a group's points ledger to date:
// check-ins over the whole chat (re-importing adds nothing), shares
// presented and points by hand.
func (s *Service) Balances(ctx context.Context, groupID int64) ([]Balance, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return nil, err
	}
	members, err := s.st.Members(ctx, groupID)
	if err != nil {
		return nil, err
	}
	// The whole chat: an export may carry a clock running ahead.
	before := s.clock.Now().AddDate(100, 0, 0)
	entries, err := ledger.CheckinPoints(ctx, s.st, g, members, before)
	if err != nil {
		return nil, err
	}
	shares, err := s.st.PresentedShares(ctx, groupID)
	if err != nil {
		return nil, err
	}
	entries = append(entries, metrics.ShareEntries(g, members, shares)...)
	grants, err := s.st.PointGrants(ctx, groupID)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, m := range members {
		names[m.ID] = m.DisplayName()
	}
	for _, gr := range grants {
		id := gr.MemberID
		entries = append(entries, metrics.PointEntry{MemberID: &id, Name: names[id], At: gr.At, Reason: gr.Reason, Points: gr.Points})
	}
	out := []Balance{}
	for _, b := range metrics.Balances(entries) {
		out = append(out, Balance{Name: b.Name, Balance: b.Balance})
	}
	return out, nil
}

// PointEntry is one line of a member's points ledger. Kind is checkin,
// share, grant (points by hand, > 0) or redeem (< 0).
type PointEntry struct {
	At     time.Time
	Kind   string
	Points int
	Reason string // share: its title; grant, redeem: the operator's reason
}

// Points kinds of a member's ledger besides checkin and share.
const (
	KindGrant  = "grant"
	KindRedeem = "redeem"
)

// MemberPoints is a member's points ledger to date.
type MemberPoints struct {
	Member  domain.Member
	Name    string
	Balance int
	Entries []PointEntry // oldest first
}

// MemberPoints lists a member's points to date (the current week's page):
// check-ins, shares presented, grants and redemptions with their dates and
// reasons, and the balance.
func (s *Service) MemberPoints(ctx context.Context, groupID, memberID int64, lang string) (MemberPoints, error) {
	l, err := s.current(ctx, groupID)
	if err != nil {
		return MemberPoints{}, err
	}
	p, err := s.pageOf(ctx, l, memberID, lang)
	if err != nil {
		return MemberPoints{}, err
	}
	out := MemberPoints{Member: p.Row.Member, Name: p.Row.Name, Balance: p.Row.Points, Entries: []PointEntry{}}
	for _, e := range p.Timeline {
		kind := e.Kind
		switch {
		case e.Kind == KindCheckin, e.Kind == KindShare:
		case e.Kind == KindPoints && e.Points > 0:
			kind = KindGrant
		case e.Kind == KindPoints:
			kind = KindRedeem
		default:
			continue
		}
		out.Entries = append(out.Entries, PointEntry{At: e.At, Kind: kind, Points: e.Points, Reason: e.Content})
	}
	// Oldest first; entries of one second keep the order they were made in.
	sort.SliceStable(out.Entries, func(i, j int) bool { return out.Entries[i].At.Before(out.Entries[j].At) })
	return out, nil
}
