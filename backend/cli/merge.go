package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
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

// memberMerge folds --from into --into (store.MergeMembers); with --suggest
// it lists the obvious candidates instead (store.MergeCandidates).
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
	into, err := r.memberRef(ctx, st, g, ref)
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
		m, err := r.memberRef(ctx, st, g, ref)
		if err != nil {
			return err
		}
		ids, names = append(ids, m.ID), append(names, m.DisplayName())
	}
	b, merged, err := st.MergeMembers(ctx, g.ID, into.ID, 0, ids)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(mergeJSON{BatchID: b.ID, Into: merged.DisplayName(), IntoID: merged.ID, From: names, FromIDs: ids,
			Duplicates: b.SkippedDuplicates})
	}
	r.say("cli.merged", map[string]any{"from": strings.Join(names, "、"), "into": merged.DisplayName(), "duplicates": b.SkippedDuplicates, "batch": b.ID})
	return nil
}

func (r *run) mergeSuggestions(ctx context.Context, st *store.Store, g domain.Group) error {
	cands, err := st.MergeCandidates(ctx, g.ID)
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

// memberRef finds the member ref names: by id, else by name (display name,
// nickname, remark, group nickname, wxid or 微信号). A name several members
// share is refused with their ids (spec/CLI.md "Parity").
func (r *run) memberRef(ctx context.Context, st *store.Store, g domain.Group, ref string) (domain.Member, error) {
	members, err := st.Members(ctx, g.ID)
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
