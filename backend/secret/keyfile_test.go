package secret

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func init() {
	// Tests need not pay for a production-strength KDF.
	DefaultKDF = KDFParams{Time: 1, Memory: 1024, Threads: 1}
}

func TestPassphraseWrapsTheSameKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db.key")
	key, created, err := LoadOrCreateKey(path)
	if err != nil || !created {
		t.Fatal(created, err)
	}
	if w, _ := IsWrapped(path); w {
		t.Fatal("a new key file must not be wrapped")
	}
	if err := ChangePassphrase(path, "", "correct horse"); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, key) {
		t.Fatal("the key file still holds the raw key while a passphrase is set")
	}
	if w, _ := IsWrapped(path); !w {
		t.Fatal("IsWrapped = false after setting a passphrase")
	}
	if _, _, err := LoadKey(path, ""); !errors.Is(err, ErrLocked) {
		t.Fatalf("no passphrase: err = %v, want ErrLocked", err)
	}
	if _, _, err := LoadKey(path, "wrong"); !errors.Is(err, ErrPassphraseWrong) {
		t.Fatalf("wrong passphrase: err = %v, want ErrPassphraseWrong", err)
	}
	if err := ChangePassphrase(path, "wrong", "x"); !errors.Is(err, ErrPassphraseWrong) {
		t.Fatalf("change with wrong old passphrase: err = %v", err)
	}
	if err := ChangePassphrase(path, "correct horse", "battery staple"); err != nil {
		t.Fatal(err)
	}
	got, wrapped, err := LoadKey(path, "battery staple")
	if err != nil || !wrapped || !bytes.Equal(got, key) {
		t.Fatalf("after change: key equal %v, wrapped %v, err %v", bytes.Equal(got, key), wrapped, err)
	}
	if _, _, err := LoadKey(path, "correct horse"); !errors.Is(err, ErrPassphraseWrong) {
		t.Fatal("the old passphrase still opens the key file")
	}
	if err := ChangePassphrase(path, "battery staple", ""); err != nil {
		t.Fatal(err)
	}
	raw, _ = os.ReadFile(path)
	if !bytes.Equal(raw, key) {
		t.Fatal("removing the passphrase must write the raw (v1) key back")
	}
	if err := ChangePassphrase(path, "", ""); !errors.Is(err, ErrNotWrapped) {
		t.Fatalf("removing an absent passphrase: err = %v", err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

func TestLoadOrCreateKeyWithPassphraseWrapsANewKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db.key")
	key, created, err := LoadOrCreateKeyWith(path, "pw")
	if err != nil || !created {
		t.Fatal(created, err)
	}
	if _, _, err := LoadOrCreateKeyWith(path, ""); !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	again, created, err := LoadOrCreateKeyWith(path, "pw")
	if err != nil || created || !bytes.Equal(again, key) {
		t.Fatal("reopening with the passphrase must give the same key")
	}
}

func TestDamagedKeyFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"short":       []byte("abc"),
		"other json":  []byte(`{"format":"x"}`),
		"bad kdf":     []byte(`{"format":"qunzhu-key","version":2,"kdf":"md5","params":{"time":1,"memory_kib":8,"threads":1},"salt":"AAAAAAAAAAA="}`),
		"zero params": []byte(`{"format":"qunzhu-key","version":2,"kdf":"argon2id","params":{},"salt":"AAAAAAAAAAA="}`),
		"future":      []byte(`{"format":"qunzhu-key","version":3}`),
	} {
		path := filepath.Join(t.TempDir(), "k")
		os.WriteFile(path, data, 0o600)
		if _, _, err := LoadKey(path, "pw"); !errors.Is(err, ErrKeyInvalid) {
			t.Errorf("%s: err = %v, want ErrKeyInvalid", name, err)
		}
	}
}

func FuzzParseKey(f *testing.F) {
	good, _ := wrap(bytes.Repeat([]byte{1}, KeySize), "pw")
	f.Add(good, "pw")
	f.Add([]byte(`{"format":"qunzhu-key"}`), "")
	f.Fuzz(func(t *testing.T, b []byte, pass string) {
		key, _, err := parseKey(b, pass)
		if err == nil && len(key) != KeySize {
			t.Fatalf("accepted a %d-byte key", len(key))
		}
	})
}
