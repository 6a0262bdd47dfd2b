package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/crypto/argon2"
)

// A key file comes in two versions:
//
//   - v1: the 32 raw key bytes (what LoadOrCreateKey has always written);
//   - v2: a small JSON document holding the data key wrapped (AES-256-GCM)
//     under a key derived from the user's passphrase with Argon2id, with the
//     KDF's parameters and salt, so they can change later without guessing.
//
// The data key itself never changes: setting, changing or removing a
// passphrase rewrites only the key file, never a database row.

var (
	// ErrLocked means the key file is wrapped and no passphrase was given.
	ErrLocked = errors.New("the key file is protected by a passphrase")
	// ErrPassphraseWrong means the passphrase does not unwrap the key file.
	ErrPassphraseWrong = errors.New("wrong passphrase")
	// ErrNotWrapped means a passphrase operation found no passphrase set.
	ErrNotWrapped = errors.New("no passphrase is set")
)

// KDFParams are Argon2id's cost parameters.
type KDFParams struct {
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

// DefaultKDF is what a new passphrase is wrapped with: 64 MiB and three
// passes, about a quarter of a second on a small laptop (RFC 9106's second
// recommendation). Tests lower it.
var DefaultKDF = KDFParams{Time: 3, Memory: 64 * 1024, Threads: 2}

const keyFileFormat = "qunzhu-key"

// wrappedKey is the v2 key file.
type wrappedKey struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	KDF     string    `json:"kdf"`
	Params  KDFParams `json:"params"`
	Salt    []byte    `json:"salt"`
	Nonce   []byte    `json:"nonce"`
	Wrapped []byte    `json:"wrapped"`
}

var wrapAAD = []byte("qunzhu key file v2")

func kek(pass string, salt []byte, p KDFParams) []byte {
	return argon2.IDKey([]byte(pass), salt, p.Time, p.Memory, p.Threads, KeySize)
}

func gcm(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// wrap builds a v2 key file's bytes for key under pass.
func wrap(key []byte, pass string) ([]byte, error) {
	w := wrappedKey{Format: keyFileFormat, Version: 2, KDF: "argon2id", Params: DefaultKDF,
		Salt: make([]byte, 16)}
	if _, err := rand.Read(w.Salt); err != nil {
		return nil, err
	}
	aead, err := gcm(kek(pass, w.Salt, w.Params))
	if err != nil {
		return nil, err
	}
	w.Nonce = make([]byte, aead.NonceSize())
	if _, err := rand.Read(w.Nonce); err != nil {
		return nil, err
	}
	w.Wrapped = aead.Seal(nil, w.Nonce, key, wrapAAD)
	return json.MarshalIndent(w, "", "  ")
}

// parseKey reads a key file's bytes: a raw v1 key, or a v2 file unwrapped
// with pass.
func parseKey(b []byte, pass string) (key []byte, wrapped bool, err error) {
	if len(b) == KeySize {
		return b, false, nil
	}
	var w wrappedKey
	if json.Unmarshal(b, &w) != nil || w.Format != keyFileFormat {
		return nil, false, ErrKeyInvalid
	}
	if w.Version != 2 || w.KDF != "argon2id" || w.Params.Time == 0 || w.Params.Memory == 0 || w.Params.Threads == 0 || len(w.Salt) < 8 {
		return nil, true, ErrKeyInvalid
	}
	if pass == "" {
		return nil, true, ErrLocked
	}
	aead, err := gcm(kek(pass, w.Salt, w.Params))
	if err != nil {
		return nil, true, err
	}
	if len(w.Nonce) != aead.NonceSize() {
		return nil, true, ErrKeyInvalid
	}
	key, err = aead.Open(nil, w.Nonce, w.Wrapped, wrapAAD)
	if err != nil {
		return nil, true, ErrPassphraseWrong
	}
	if len(key) != KeySize {
		return nil, true, ErrKeyInvalid
	}
	return key, true, nil
}

// LoadKey reads the key file at path. A wrapped file needs pass: without it
// the error is ErrLocked, with a wrong one ErrPassphraseWrong. pass is
// ignored for an unwrapped (v1) file.
func LoadKey(path, pass string) (key []byte, wrapped bool, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false, err
	}
	return parseKey(b, pass)
}

// IsWrapped reports whether the key file at path is protected by a
// passphrase; a missing file is not.
func IsWrapped(path string) (bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	_, wrapped, err := parseKey(b, "")
	if errors.Is(err, ErrLocked) {
		return true, nil
	}
	return wrapped, err
}

// LoadOrCreateKeyWith is LoadOrCreateKey for a key file that may be wrapped:
// an existing file is read with pass; a new one is created raw and, when pass
// is set, wrapped at once.
func LoadOrCreateKeyWith(path, pass string) (key []byte, created bool, err error) {
	key, _, err = LoadKey(path, pass)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return key, false, err
	}
	key, created, err = LoadOrCreateKey(path)
	if err != nil || !created || pass == "" {
		return key, created, err
	}
	return key, true, WriteKeyFile(path, key, pass)
}

// ChangePassphrase rewrites the key file at path: the key is read with old
// ("" for a file with no passphrase) and written wrapped under next, or raw
// when next is "" (removing the passphrase). No data is re-encrypted.
func ChangePassphrase(path, old, next string) error {
	key, wrapped, err := LoadKey(path, old)
	if err != nil {
		return err
	}
	if !wrapped && next == "" {
		return ErrNotWrapped
	}
	return WriteKeyFile(path, key, next)
}

// WriteKeyFile writes key to path atomically (a temporary file in the same
// folder, synced, then renamed over the old one), wrapped under pass or raw
// when pass is "". The file is 0600.
func WriteKeyFile(path string, key []byte, pass string) error {
	if len(key) != KeySize {
		return ErrKeyInvalid
	}
	data := key
	if pass != "" {
		var err error
		if data, err = wrap(key, pass); err != nil {
			return err
		}
	}
	return WriteFileAtomic(path, data, 0o600)
}

// WriteFileAtomic replaces path with data so a crash leaves either the old
// file or the new one, never half of one. The temporary file's name,
// .NAME.tmp-PID-RANDOM, carries this process's id, so a later start can
// remove the file if this process is killed while writing it (the store's
// leftovers.go).
func WriteFileAtomic(path string, data []byte, mode os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, fmt.Sprintf(".%s.tmp-%d-*", filepath.Base(path), os.Getpid()))
	if err != nil {
		return err
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return fail(err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	SyncDir(dir)
	return nil
}

// SyncDir flushes a folder's entries (a rename) to disk where the system
// allows it; errors are ignored (Windows cannot open folders for syncing).
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
