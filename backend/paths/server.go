package paths

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
)

// ServerKeyDir is the folder, inside the data folder, holding the key files
// of server workspaces.
const ServerKeyDir = "keys"

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// ServerKeyPath is the default key file of a workspace on a database
// server: keys/HOST-PORT-DATABASE.key in the data folder. Every operator of
// the team needs the same key file (it seals members' personal fields), so
// the owner copies it to each operator's machine at this path, or points
// QUNZHU_KEY at wherever it is kept.
func ServerKeyPath(dsn string, goos string, getenv func(string) string) (string, error) {
	if k := getenv(EnvKey); k != "" {
		return k, nil
	}
	dir, err := DataDir(goos, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, ServerKeyDir, ServerKeyName(dsn)), nil
}

// EnvKey names the key file of a server workspace (overrides the default).
const EnvKey = "QUNZHU_KEY"

// ServerKeyName is the key file's name for a server URL: host, port and
// database, so two databases never share a key by accident.
func ServerKeyName(dsn string) string {
	host, port, db := "localhost", "5432", "postgres"
	if u, err := url.Parse(dsn); err == nil {
		if h := u.Hostname(); h != "" {
			host = h
		}
		if p := u.Port(); p != "" {
			port = p
		}
		if d := strings.TrimPrefix(u.Path, "/"); d != "" {
			db = d
		}
	}
	return unsafeName.ReplaceAllString(host+"-"+port+"-"+db, "_") + ".key"
}

// RedactDSN is a server URL without its password, for messages and logs.
func RedactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	return u.String()
}
