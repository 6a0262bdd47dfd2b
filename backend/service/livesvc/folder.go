package livesvc

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/importsvc"
)

// chatExtensions are the files a watched folder's exports come as: every
// chat format the importer reads (docs/formats.md).
var chatExtensions = map[string]bool{".json": true, ".jsonl": true, ".csv": true, ".txt": true, ".html": true, ".htm": true, ".xml": true}

// FileResult is what a folder poll did with one file.
type FileResult struct {
	Name     string `json:"name"`
	Imported int    `json:"imported"`
	Error    string `json:"error,omitempty"`
}

// changedFiles lists the chat files in dir that are new or have changed
// (size or time) since they were read, and have not changed for
// s.settle (a file still being saved waits for the next poll). Hidden files
// and the partial files browsers and editors write are left alone.
func (s *Service) changedFiles(dir string, seen map[string]domain.LiveFile) ([]os.FileInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "live.folder_unreadable", map[string]any{"path": dir})
	}
	wall := domain.SystemClock{}.Now() // file times are the computer's, whatever the injected clock says
	var out []os.FileInfo
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
			!chatExtensions[strings.ToLower(filepath.Ext(name))] {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // gone since the listing
		}
		if wall.Sub(fi.ModTime()) < s.settle {
			continue
		}
		if old, ok := seen[name]; ok && old.Size == fi.Size() && old.ModTime.Equal(fi.ModTime().UTC()) {
			continue
		}
		out = append(out, fi)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ModTime().Before(out[j].ModTime()) })
	return out, nil
}

// pollFolder imports every new or grown chat file of src's folder, oldest
// first, each in its own transaction (a grown file's earlier messages are
// skipped as duplicates). A file that fails is recorded with its reason and
// read again only once it changes; the poll itself fails only when the
// folder cannot be read.
func (s *Service) pollFolder(ctx context.Context, src domain.LiveSource, lang string, p *Poll) error {
	seen, err := s.st.LiveFiles(ctx, src.ID)
	if err != nil {
		return err
	}
	files, err := s.changedFiles(src.Folder, seen)
	if err != nil {
		return err
	}
	for _, fi := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		path := filepath.Join(src.Folder, fi.Name())
		res, err := s.imports.Import(ctx, importsvc.Request{GroupID: src.GroupID, Kind: domain.BatchChat, Path: path, Partial: true, Live: true})
		fr := FileResult{Name: fi.Name()}
		rec := domain.LiveFile{SourceID: src.ID, Name: fi.Name(), Size: fi.Size(), ModTime: fi.ModTime().UTC(), ImportedAt: s.clock.Now().UTC()}
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			fr.Error = msg.Error(lang, err)
			rec.Error = fr.Error
		} else {
			fr.Imported = res.Imported
			if res.BatchID != 0 {
				p.Imported += res.Imported
			}
			p.absorb(res, lang)
		}
		if err := s.st.RecordLiveFile(ctx, rec); err != nil {
			return err
		}
		p.Files = append(p.Files, fr)
	}
	return nil
}
