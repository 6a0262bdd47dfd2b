package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// mergeJSON is what `member merge --json` prints.
type mergeJSON struct {
	BatchID    int64    `json:"batch_id"`
	Into       string   `json:"into"`
	IntoID     int64    `json:"into_id"`
	From       []string `json:"from"`
	FromIDs    []int64  `json:"from_ids"`
	Duplicates int      `json:"duplicates"`
}

// mergeCandidateJSON is one line of `member merge --suggest --json`.
type mergeCandidateJSON struct {
	Name string            `json:"name"`
	Into candidateMember   `json:"into"`
	From []candidateMember `json:"from"`
}

type candidateMember struct {
	ID           int64   `json:"id"`
	Name         string  `json:"name"`
	FirstMessage *string `json:"first_message_at"`
	LastMessage  *string `json:"last_message_at"`
}

// memberMerge folds --from into --into (membersvc.Merge); with --suggest
// it lists the obvious candidates instead (membersvc.MergeCandidates).
func (r *run) memberMerge(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	if r.inv.flags["suggest"] == "true" {
		return r.mergeSuggestions(ctx, st, g)
	}
	ref, err := r.inv.required("into")
	if err != nil {
		return err
	}
	into, err := r.membersvc(st).FindMember(ctx, g.ID, ref)
	if err != nil {
		return err
	}
	refs, err := r.inv.required("from")
	if err != nil {
		return err
	}
	var ids []int64
	var names []string
	for _, ref := range list(refs) {
		m, err := r.membersvc(st).FindMember(ctx, g.ID, ref)
		if err != nil {
			return err
		}
		ids, names = append(ids, m.ID), append(names, m.DisplayName())
	}
	res, err := r.membersvc(st).Merge(ctx, membersvc.MergeInput{GroupID: g.ID, IntoID: into.ID, FromIDs: ids})
	if err != nil {
		return err
	}
	b, merged := res.Batch, res.Into
	if r.inv.json {
		return r.printJSON(mergeJSON{BatchID: b.ID, Into: merged.DisplayName(), IntoID: merged.ID, From: names, FromIDs: ids,
			Duplicates: b.SkippedDuplicates})
	}
	r.say("cli.merged", map[string]any{"from": strings.Join(names, "、"), "into": merged.DisplayName(), "duplicates": b.SkippedDuplicates, "batch": b.ID})
	return nil
}

func (r *run) mergeSuggestions(ctx context.Context, st *store.Store, g domain.Group) error {
	_, cands, err := r.membersvc(st).MergeCandidates(ctx, g.ID)
	if err != nil {
		return err
	}
	loc := g.Location()
	member := func(c store.MergeCandidate, m domain.Member) candidateMember {
		out := candidateMember{ID: m.ID, Name: m.DisplayName()}
		if sp, ok := c.Spans[m.ID]; ok {
			first, last := time.Unix(sp[0], 0).In(loc).Format(time.RFC3339), time.Unix(sp[1], 0).In(loc).Format(time.RFC3339)
			out.FirstMessage, out.LastMessage = &first, &last
		}
		return out
	}
	out := []mergeCandidateJSON{}
	for _, c := range cands {
		j := mergeCandidateJSON{Name: c.Name, Into: member(c, c.Into), From: []candidateMember{}}
		for _, m := range c.From {
			j.From = append(j.From, member(c, m))
		}
		out = append(out, j)
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("cli.merge_candidates_none", nil)
		return nil
	}
	r.say("cli.merge_candidates_heading", nil)
	for _, c := range out {
		ids := make([]string, len(c.From))
		for i, m := range c.From {
			ids[i] = strconv.FormatInt(m.ID, 10)
		}
		r.say("cli.merge_candidate", map[string]any{"name": c.Name, "count": len(c.From) + 1, "into": c.Into.ID, "from": strings.Join(ids, ", ")})
		r.say("cli.merge_candidate_command", map[string]any{"group": g.Name, "into": c.Into.ID, "from": strings.Join(ids, ",")})
	}
	return nil
}
