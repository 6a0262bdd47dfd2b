package demo

import (
	"context"
	"errors"
	"time"

	"qunzhu/backend/domain"
)

// Target is where a demo workspace is written: the store, in the app and CLI.
type Target interface {
	GroupByName(ctx context.Context, name string) (domain.Group, error)
	CreateGroup(ctx context.Context, in domain.GroupInput) (domain.Group, error)
	SaveImport(ctx context.Context, batch domain.ImportBatch, members []domain.Member, msgs []domain.Message) (domain.ImportBatch, error)
}

// Result says what Load wrote.
type Result struct {
	Groups   []string
	Members  int // members in the demo
	Messages int // messages in the demo
	Imported int // messages new to the database (0 when the demo was already loaded)
}

// Load writes the demo ending at now into dst. It is idempotent: a group that
// exists by name is reused, members are matched by sender id and messages by
// dedupe key, so loading twice adds nothing.
func Load(ctx context.Context, dst Target, now time.Time) (Result, error) {
	var res Result
	for _, g := range Generate(now).Groups {
		grp, err := dst.GroupByName(ctx, g.Input.Name)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			grp, err = dst.CreateGroup(ctx, g.Input)
		}
		if err != nil {
			return res, err
		}
		batch, err := dst.SaveImport(ctx, domain.ImportBatch{
			GroupID: grp.ID, Kind: domain.BatchDemo, Format: "demo", File: "demo", Encoding: "UTF-8", Rows: len(g.Messages),
		}, g.Members, g.Messages)
		if err != nil {
			return res, err
		}
		res.Groups = append(res.Groups, grp.Name)
		res.Members += len(g.Members)
		res.Messages += len(g.Messages)
		res.Imported += batch.Imported
	}
	if len(res.Groups) == 0 {
		return res, errors.New("demo: generator produced no groups")
	}
	return res, nil
}
