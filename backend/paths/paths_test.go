package paths

import (
	"path/filepath"
	"testing"
)

func TestDBPath(t *testing.T) {
	tests := []struct {
		name string
		flag string
		goos string
		env  map[string]string
		want string
	}{
		{"flag wins over env", "/tmp/a.db", "linux", map[string]string{"QUNZHU_DB": "/tmp/b.db", "HOME": "/home/u"}, "/tmp/a.db"},
		{"env wins over default", "", "linux", map[string]string{"QUNZHU_DB": "/tmp/b.db", "HOME": "/home/u"}, "/tmp/b.db"},
		{"linux default", "", "linux", map[string]string{"HOME": "/home/u"}, filepath.Join("/home/u", ".local", "share", "qunzhu", "qunzhu.db")},
		{"linux XDG", "", "linux", map[string]string{"HOME": "/home/u", "XDG_DATA_HOME": "/data"}, filepath.Join("/data", "qunzhu", "qunzhu.db")},
		{"relative XDG is ignored", "", "linux", map[string]string{"HOME": "/home/u", "XDG_DATA_HOME": "rel"}, filepath.Join("/home/u", ".local", "share", "qunzhu", "qunzhu.db")},
		{"macOS", "", "darwin", map[string]string{"HOME": "/Users/u"}, filepath.Join("/Users/u", "Library", "Application Support", "Qunzhu", "qunzhu.db")},
		{"windows", "", "windows", map[string]string{"APPDATA": `C:\Users\u\AppData\Roaming`}, filepath.Join(`C:\Users\u\AppData\Roaming`, "Qunzhu", "qunzhu.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DBPath(tt.flag, tt.goos, func(k string) string { return tt.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("DBPath = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDBPathWithoutHome(t *testing.T) {
	if _, err := DBPath("", "linux", func(string) string { return "" }); err == nil {
		t.Fatal("want an error when no data folder can be found")
	}
}

func TestIsServerDSN(t *testing.T) {
	for db, want := range map[string]bool{"postgres://u@h/db": true, "postgresql://h/db": true, "/tmp/x.db": false, "postgres.db": false} {
		if got := IsServerDSN(db); got != want {
			t.Errorf("IsServerDSN(%q) = %v", db, got)
		}
	}
}
