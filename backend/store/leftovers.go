package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// A file being written (a backup, a restore's staged database or key) is
// made under a hidden temporary name beside its target, 0600 from its first
// byte, and renamed into place when complete. The name carries the id of
// the process writing it, so the next start can tell a leftover of a killed
// process, which it removes, from a file another process is still writing,
// which it leaves alone.

// tempName is a fresh hidden name beside path for a file this process is
// about to write: .NAME.partial-PID-RANDOM.
func tempName(path string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.partial-%d-%s", filepath.Base(path), os.Getpid(), hex.EncodeToString(b)))
}

// createTemp makes the empty file name, owner-only, failing if it exists:
// SQLite's VACUUM INTO would otherwise create it with the umask's mode
// (0644), readable by everyone for as long as a large backup takes.
func createTemp(name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// leftoverName matches the temporary names of tempName and of
// secret.WriteFileAtomic (.NAME.tmp-PID-RANDOM), with SQLite's side files of
// a staged database. Names from versions before the process id was part of
// them (.NAME.partial-HEX, .NAME.tmp-DIGITS) match with no pid.
var leftoverName = regexp.MustCompile(`^\.(.+?)\.(?:partial|tmp)-(?:([0-9]+)-)?[0-9a-f]+(?:-wal|-shm|-journal)?$`)

// removeLeftovers removes the temporary files in dir whose target's name
// starts with prefix ("" for any) and whose writer no longer runs. Errors
// are ignored: a leftover that cannot be removed now is tried again at the
// next start.
func removeLeftovers(dir, prefix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := leftoverName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() || !strings.HasPrefix(m[1], prefix) {
			continue
		}
		if pid, err := strconv.Atoi(m[2]); err == nil && processAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// processAlive reports whether a process with id pid runs. This process
// counts as running: its own temporary files may be in use (a backup while
// the workspace is reopened). A process id reused since a crash keeps a
// leftover until a later start; that errs on the side of never removing a
// file being written.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false // Windows: no such process
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true // FindProcess opened it
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// legacyScratchAge is how old a restore's scratch folder in the system's
// temporary folder (made by versions that checked a backup there) must be
// before it is removed: a restore by such a version still running elsewhere
// keeps its folder.
const legacyScratchAge = time.Hour

var legacyScratch sync.Once

// removeLegacyScratch removes old versions' qunzhu-restore-* folders from
// the system's temporary folder, once per process.
func removeLegacyScratch() {
	legacyScratch.Do(func() {
		tmp := os.TempDir()
		dirs, _ := filepath.Glob(filepath.Join(tmp, "qunzhu-restore-*"))
		for _, d := range dirs {
			if fi, err := os.Lstat(d); err == nil && fi.IsDir() && time.Since(fi.ModTime()) > legacyScratchAge {
				os.RemoveAll(d)
			}
		}
	})
}

// settleFiles puts a workspace's files in order before it is opened or
// restored: a restore cut short is finished (restore.go), then temporary
// files of killed processes beside the database and in its backups folder
// are removed. The order matters: the staged files a restore's journal
// names are not leftovers.
func settleFiles(dbPath string) error {
	if err := finishRestore(dbPath); err != nil {
		return err
	}
	removeLeftovers(filepath.Dir(dbPath), filepath.Base(dbPath))
	removeLeftovers(BackupsDir(dbPath), "")
	removeLegacyScratch()
	return nil
}
