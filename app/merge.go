package app

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// MergeMemberDTO is one record of a person in a merge: enough for the
// operator to tell the records apart (times RFC 3339 in the group's zone,
// "" when the record never spoke).
type MergeMemberDTO struct {
	ID             int64    `json:"id"`
	Version        int      `json:"version"`
	Name           string   `json:"name"`
	Names          []string `json:"names"` // every name known: list names and names seen in chat
	FirstMessageAt string   `json:"firstMessageAt"`
	LastMessageAt  string   `json:"lastMessageAt"`
	Messages       int      `json:"messages"`
}

// MergeCandidateDTO is one person the ledger seems to hold several times
// (store.MergeCandidates): Into is the record to keep, From the others.
type MergeCandidateDTO struct {
	Name string           `json:"name"`
	Into MergeMemberDTO   `json:"into"`
	From []MergeMemberDTO `json:"from"`
}

// MergeRequestDTO folds the members FromIDs into IntoID; IntoVersion is the
// version of IntoID the operator saw (a change since is refused as stale).
type MergeRequestDTO struct {
	GroupID     int64   `json:"groupId"`
	IntoID      int64   `json:"intoId"`
	IntoVersion int     `json:"intoVersion"`
	FromIDs     []int64 `json:"fromIds"`
}

// MergeResultDTO says what a merge did: the kept member and the import
// history's batch that undoes it.
type MergeResultDTO struct {
	BatchID    int64  `json:"batchId"`
	Label      string `json:"label"` // as the import history lists it: "陈晓雨 ×8 → 陈晓雨"
	IntoID     int64  `json:"intoId"`
	Name       string `json:"name"`       // the kept member's display name
	Merged     int    `json:"merged"`     // records folded into it
	Duplicates int    `json:"duplicates"` // duplicate messages removed
}

// MergeCandidates lists the members of a group who look like one person held
// several times: they share a name and never spoke at the same time.
func (s *MembersService) MergeCandidates(groupID int64) ([]MergeCandidateDTO, error) {
	g, cands, err := s.svc.MergeCandidates(s.app.context(), groupID)
	if err != nil {
		return nil, err
	}
	out := make([]MergeCandidateDTO, 0, len(cands))
	for _, c := range cands {
		d := MergeCandidateDTO{Name: c.Name, Into: mergeMemberDTO(c, c.Into, g.Location()), From: make([]MergeMemberDTO, 0, len(c.From))}
		for _, m := range c.From {
			d.From = append(d.From, mergeMemberDTO(c, m, g.Location()))
		}
		out = append(out, d)
	}
	return out, nil
}

// Merge folds members into one (membersvc.Merge): their messages, points,
// timeline and strikes go to the kept member, the others disappear, and the
// import history lists it as one batch that can be undone.
func (s *MembersService) Merge(req MergeRequestDTO) (MergeResultDTO, error) {
	m, err := s.svc.Merge(s.app.context(), membersvc.MergeInput{GroupID: req.GroupID, IntoID: req.IntoID,
		IntoVersion: req.IntoVersion, FromIDs: req.FromIDs})
	if err != nil {
		return MergeResultDTO{}, err
	}
	return MergeResultDTO{BatchID: m.Batch.ID, Label: m.Batch.File, IntoID: m.Into.ID, Name: m.Into.DisplayName(), Merged: len(req.FromIDs),
		Duplicates: m.Batch.SkippedDuplicates}, nil
}

func mergeMemberDTO(c store.MergeCandidate, m domain.Member, loc *time.Location) MergeMemberDTO {
	d := MergeMemberDTO{ID: m.ID, Version: m.Version, Name: m.DisplayName(), Messages: c.Messages[m.ID],
		Names: domain.CleanList(append([]string{m.Nickname, m.GroupNickname, m.Remark}, m.SeenNames...))}
	if sp, ok := c.Spans[m.ID]; ok {
		d.FirstMessageAt = rfc3339(time.Unix(sp[0], 0), loc)
		d.LastMessageAt = rfc3339(time.Unix(sp[1], 0), loc)
	}
	return d
}
