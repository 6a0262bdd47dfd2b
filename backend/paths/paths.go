// Package paths says where Qunzhu keeps its data on each operating system.
package paths

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// AppDirName is the folder Qunzhu uses inside the OS's per-user data folder.
const AppDirName = "Qunzhu"

// DBFileName is the name of the database file in that folder.
const DBFileName = "qunzhu.db"

// EnvDB overrides the default database path (a --db flag overrides it).
const EnvDB = "QUNZHU_DB"

// DataDir returns the per-user data folder for Qunzhu: %AppData%\Qunzhu on
// Windows, ~/Library/Application Support/Qunzhu on macOS, and
// $XDG_DATA_HOME/qunzhu (default ~/.local/share/qunzhu) elsewhere. getenv is
// os.Getenv in production and a map in tests.
func DataDir(goos string, getenv func(string) string) (string, error) {
	home := getenv("HOME")
	switch goos {
	case "windows":
		if d := getenv("APPDATA"); d != "" {
			return filepath.Join(d, AppDirName), nil
		}
		if p := getenv("USERPROFILE"); p != "" {
			return filepath.Join(p, "AppData", "Roaming", AppDirName), nil
		}
	case "darwin":
		if home != "" {
			return filepath.Join(home, "Library", "Application Support", AppDirName), nil
		}
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "qunzhu"), nil
		}
		if home != "" {
			return filepath.Join(home, ".local", "share", "qunzhu"), nil
		}
	}
	return "", errors.New("cannot find the user's data folder: HOME is not set")
}

// DBPath resolves the database file: the flag if given, else $QUNZHU_DB,
// else the file in the per-user data folder.
func DBPath(flag string, goos string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := getenv(EnvDB); env != "" {
		return env, nil
	}
	dir, err := DataDir(goos, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, DBFileName), nil
}

// DefaultDBPath is DBPath for this machine.
func DefaultDBPath(flag string) (string, error) {
	return DBPath(flag, runtime.GOOS, os.Getenv)
}

// KeyPath is the key file kept beside a database file: the same name with
// ".key" added, so two workspaces in one folder never share a key.
func KeyPath(dbPath string) string { return dbPath + ".key" }

// IsServerDSN reports whether a --db value names a database server rather than a file.
func IsServerDSN(db string) bool {
	return len(db) > 11 && (db[:11] == "postgres://" || (len(db) > 13 && db[:13] == "postgresql://"))
}
