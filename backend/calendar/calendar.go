// Package calendar loads and saves a group's content plan for a week: it
// reads what content.Generate needs from the workspace, keeps the
// operator's items, and saves the drafted ones. The CLI's `plan` and the
// app's calendar screens both call it, so a plan is generated one way.
package calendar

import (
	"context"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// Store is where plans live.
type Store interface {
	ContentItems(ctx context.Context, groupID int64, from, to time.Time) ([]content.Item, error)
	SaveContentItems(ctx context.Context, items []content.Item) ([]content.Item, error)
	Cadence(ctx context.Context, g domain.Group) (content.Cadence, error)
}

// Week is a group's plan for the week starting at local Monday start.
type Week struct {
	Items []content.Item
	// Generated is true when this call drafted the plan; Unplaced then
	// lists the cadence slots that found no room.
	Generated bool
	Unplaced  []content.Note
}

// Plan returns the week's plan, drafting and saving it first when the week
// has none yet. A week has a plan once it holds one generated item: items
// the operator placed before do not stop the draft (they are kept and
// planned around), and a second call shows the saved plan instead of
// drafting a new one over the operator's edits. Nothing is drafted before
// now: the current week's plan starts at the present, a past week's plan
// drafts nothing (its slots are listed as past in Unplaced).
func Plan(ctx context.Context, st Store, g domain.Group, start, now time.Time) (Week, error) {
	loc := g.Location()
	start = start.In(loc)
	end := time.Date(start.Year(), start.Month(), start.Day()+7, 0, 0, 0, 0, loc)
	existing, err := st.ContentItems(ctx, g.ID, start, end)
	if err != nil {
		return Week{}, err
	}
	for _, it := range existing {
		if it.Generated {
			return Week{Items: existing}, nil
		}
	}
	trailing, err := st.ContentItems(ctx, g.ID, time.Date(start.Year(), start.Month(), start.Day()-28, 0, 0, 0, 0, loc), start)
	if err != nil {
		return Week{}, err
	}
	cad, err := st.Cadence(ctx, g)
	if err != nil {
		return Week{}, err
	}
	p := content.Generate(content.PlanInput{GroupID: g.ID, Location: loc, WeekStart: start, Cadence: cad,
		Trailing: trailing, Existing: existing, NotBefore: now})
	var drafted []content.Item
	for _, it := range p.Items {
		if it.Generated {
			drafted = append(drafted, it)
		}
	}
	if _, err := st.SaveContentItems(ctx, drafted); err != nil {
		return Week{}, err
	}
	items, err := st.ContentItems(ctx, g.ID, start, end)
	if err != nil {
		return Week{}, err
	}
	return Week{Items: items, Generated: true, Unplaced: p.Unplaced}, nil
}
