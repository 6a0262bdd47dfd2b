package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/report"
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
// every group without it, into --out (spec/CLI.md).
func (r *run) report(ctx context.Context, st *store.Store) error {
	out, err := r.inv.required("out")
	if err != nil {
		return err
	}
	// A week is valid or not whatever the zone: say so before reading groups.
	if v, ok := r.inv.flags["week"]; ok {
		if _, err := metrics.ParseWeek(v, time.UTC); err != nil {
			return err
		}
	}
	groups, err := r.reportGroups(ctx, st)
	if err != nil {
		return err
	}
	if len(groups) == 0 {
		return domain.Errorf(domain.ENOTFOUND, "report.no_groups", nil)
	}
	week, err := r.reportWeek(ctx, st, groups)
	if err != nil {
		return err
	}
	doc, err := report.Load(ctx, st, week, groups)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, doc, r.lang); err != nil {
		return err
	}
	if err := writeWhole(out, buf.Bytes()); err != nil {
		return &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": out}, Err: err}
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Name
	}
	if r.inv.json {
		return r.printJSON(reportJSON{File: out, Week: week, Groups: names, Bytes: buf.Len()})
	}
	r.say("report.saved", map[string]any{"file": out, "groups": len(groups), "week": week})
	return nil
}

// reportGroups is --group, or every group but the demo's
// (domain.ReportGroups).
func (r *run) reportGroups(ctx context.Context, st *store.Store) ([]domain.Group, error) {
	if _, ok := r.inv.flags["group"]; ok {
		return r.groupOrAll(ctx, st)
	}
	all, err := st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	return domain.ReportGroups(all), nil
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
