package secret

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func testBox(t *testing.T) *Box {
	t.Helper()
	b, err := NewBox(bytes.Repeat([]byte{7}, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealOpenRoundTrip(t *testing.T) {
	b := testBox(t)
	for _, s := range []string{"", "13812345678", "林知秋", "备注：<script>alert(1)</script>"} {
		blob, err := b.Seal(s)
		if err != nil {
			t.Fatal(err)
		}
		if s != "" && bytes.Contains(blob, []byte(s)) {
			t.Errorf("sealed %q still contains the clear text", s)
		}
		got, err := b.Open(blob)
		if err != nil || got != s {
			t.Errorf("Open(Seal(%q)) = %q, %v", s, got, err)
		}
	}
}

func TestSealUsesFreshNonce(t *testing.T) {
	b := testBox(t)
	x, _ := b.Seal("13812345678")
	y, _ := b.Seal("13812345678")
	if bytes.Equal(x, y) {
		t.Fatal("two seals of the same phone are identical: equal values would be visible in the file")
	}
	if b.Index("13812345678") != b.Index("13812345678") || b.Index("13812345678") == b.Index("13812345679") {
		t.Fatal("the search index must be stable per value and differ between values")
	}
}

func TestOpenRejectsWrongKeyAndTampering(t *testing.T) {
	b := testBox(t)
	blob, _ := b.Seal("13812345678")
	other, _ := NewBox(bytes.Repeat([]byte{8}, KeySize))
	if _, err := other.Open(blob); err != ErrOpen {
		t.Errorf("wrong key: err = %v, want ErrOpen", err)
	}
	blob[len(blob)-1] ^= 1
	if _, err := b.Open(blob); err != ErrOpen {
		t.Errorf("tampered value: err = %v, want ErrOpen", err)
	}
	if _, err := b.Open([]byte{1, 2}); err != ErrOpen {
		t.Errorf("short value: err = %v, want ErrOpen", err)
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "qunzhu.db.key")
	k1, created, err := LoadOrCreateKey(path)
	if err != nil || !created || len(k1) != KeySize {
		t.Fatalf("first call: created=%v len=%d err=%v", created, len(k1), err)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
		}
	}
	k2, created, err := LoadOrCreateKey(path)
	if err != nil || created || !bytes.Equal(k1, k2) {
		t.Fatalf("second call must read the same key: created=%v err=%v", created, err)
	}
	if err := os.WriteFile(path, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrCreateKey(path); err != ErrKeyInvalid {
		t.Errorf("damaged key: err = %v, want ErrKeyInvalid", err)
	}
}
