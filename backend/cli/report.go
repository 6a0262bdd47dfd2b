package cli

import (
	"context"
	"os"
	"path/filepath"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/reportsvc"
	"qunzhu/backend/store"
)

// reportJSON is the --json output of report.
type reportJSON struct {
	File   string   `json:"file"`
	Week   string   `json:"week"`
	Groups []string `json:"groups"`
	Bytes  int      `json:"bytes"`
}

// report renders the printable weekly report of --week for --group, or for
// every group but the demo's without it, into --out (docs/cli.md), through the
// same service call as the window's report.
func (r *run) report(ctx context.Context, st *store.Store) error {
	out, err := r.inv.required("out")
	if err != nil {
		return err
	}
	week := r.inv.flags["week"]
	if err := reportsvc.CheckWeek(week); err != nil {
		return err
	}
	var groupID int64
	if _, ok := r.inv.flags["group"]; ok {
		g, err := r.group(ctx, st)
		if err != nil {
			return err
		}
		groupID = g.ID
	}
	rep, err := reportsvc.New(st, r.Clock).Render(ctx, reportsvc.Request{GroupID: groupID, Week: week, Lang: r.lang, Appendix: r.inv.flags["appendix"] == "true"})
	if err != nil {
		return err
	}
	if err := writeWhole(out, rep.HTML); err != nil {
		return &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": out}, Err: err}
	}
	names := make([]string, len(rep.Groups))
	for i, g := range rep.Groups {
		names[i] = g.Name
	}
	if r.inv.json {
		return r.printJSON(reportJSON{File: out, Week: rep.Week, Groups: names, Bytes: len(rep.HTML)})
	}
	r.say("report.saved", map[string]any{"file": out, "groups": len(rep.Groups), "week": rep.Week})
	return nil
}

// writeWhole writes data to path through a temporary file in the same
// folder and a rename, so a failed run leaves no half-written report.
func writeWhole(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".qunzhu-report-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
