package settingsvc

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"

	"qunzhu/backend/paths"
	"qunzhu/backend/store"
)

// Which workspace the app opens: a local data file or a PostgreSQL
// server (team mode). The choice made in the window is kept in the data
// folder's database.json, never in a database: it says which one to open.

// Connection is a workspace that was opened and closed again successfully.
type Connection struct {
	Mode     string `json:"mode"`     // local | server
	Database string `json:"database"` // the file, or the server URL without its password
	KeyPath  string `json:"key_path"`
}

// Mode names the kind of workspace at db.
func Mode(db string) string {
	if paths.IsServerDSN(db) {
		return "server"
	}
	return "local"
}

// TestConnection opens the workspace at db (a file path or a postgres://
// URL) with keyPath ("" for its default), migrating it if it is new, and
// closes it again. The first problem comes back in the store's words
// (server unreachable, wrong password, a key that is not the team's), so
// nothing is switched to a database that does not work.
func TestConnection(db, keyPath string) (Connection, error) {
	if err := store.TestConnection(db, keyPath); err != nil {
		return Connection{}, err
	}
	out := Connection{Mode: Mode(db), Database: db, KeyPath: keyPath}
	if out.Mode == "server" {
		out.Database = paths.RedactDSN(db)
	}
	if out.KeyPath == "" {
		kp, err := store.DefaultKeyPath(db)
		if err != nil {
			return Connection{}, err
		}
		out.KeyPath = kp
	}
	return out, nil
}

// Choice is the database chosen in the window, used at the next start
// unless QUNZHU_DB names another.
type Choice struct {
	DB      string `json:"db"`
	KeyPath string `json:"keyPath,omitempty"`
}

// ChoiceFile is where the choice is kept in the data folder.
const ChoiceFile = "database.json"

// LoadChoice reads the choice kept in dataDir, if any.
func LoadChoice(dataDir string) (Choice, bool) {
	b, err := os.ReadFile(filepath.Join(dataDir, ChoiceFile))
	if err != nil {
		return Choice{}, false
	}
	var c Choice
	if json.Unmarshal(b, &c) != nil || c.DB == "" {
		return Choice{}, false
	}
	return c, true
}

// UseDatabase tests db (as TestConnection does) and, if it works, keeps it
// in dataDir as the database of the next start; db "" forgets the choice,
// going back to the local file localDB. The URL, password included, is
// written with mode 0600, like the key files.
func UseDatabase(dataDir, localDB, db, keyPath string) (Connection, error) {
	p := filepath.Join(dataDir, ChoiceFile)
	if db == "" {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return Connection{}, err
		}
		return Connection{Mode: "local", Database: localDB, KeyPath: paths.KeyPath(localDB)}, nil
	}
	res, err := TestConnection(db, keyPath)
	if err != nil {
		return Connection{}, err
	}
	b, err := json.Marshal(Choice{DB: db, KeyPath: keyPath})
	if err != nil {
		return Connection{}, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return Connection{}, err
	}
	if err := os.WriteFile(p, b, 0o600); err != nil {
		return Connection{}, err
	}
	return res, nil
}

// OpenChosen opens the database chosen in the window (kept in dataDir)
// unless skip (QUNZHU_DB names one, or no data folder), else path through
// OpenWorkspace. A chosen database that cannot be opened falls back to
// path, so the app always starts; fallback hears why.
func OpenChosen(dataDir, path string, skip bool, fallback func(error)) (*store.Store, error) {
	if c, ok := LoadChoice(dataDir); ok && !skip {
		st, err := store.Open(c.DB, store.Options{KeyPath: c.KeyPath})
		if err == nil {
			return st, nil
		}
		fallback(err)
	}
	return OpenWorkspace(path, store.Options{})
}
