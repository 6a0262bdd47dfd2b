// Package secret encrypts members' personal data at rest (phone, real name,
// notes). A 32-byte key lives in a file beside the database, readable by the
// owner only; each value is sealed with AES-256-GCM under a fresh random
// nonce, so equal phone numbers never look equal in the file.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// KeySize is the length of a data key in bytes (AES-256).
const KeySize = 32

// version prefixes every sealed value so the format can change later
// (e.g. a passphrase-wrapped key) without guessing.
const version byte = 1

var (
	// ErrKeyInvalid means the key file exists but does not hold a key.
	ErrKeyInvalid = errors.New("key file does not hold a 32-byte key")
	// ErrOpen means a value could not be decrypted: wrong key or damaged data.
	ErrOpen = errors.New("cannot decrypt value")
)

// Box seals and opens values with one data key.
type Box struct {
	aead     cipher.AEAD
	indexKey []byte
}

// NewBox builds a Box from a 32-byte key.
func NewBox(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, ErrKeyInvalid
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	// A separate key for the search index, so the index never reveals the
	// encryption key's output.
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("qunzhu index key v1"))
	return &Box{aead: aead, indexKey: mac.Sum(nil)}, nil
}

// Seal encrypts s. The empty string seals to nil so absent data stays absent.
func (b *Box) Seal(s string) ([]byte, error) {
	if s == "" {
		return nil, nil
	}
	nonce := make([]byte, b.aead.NonceSize(), 1+b.aead.NonceSize()+len(s)+b.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := append([]byte{version}, nonce...)
	return b.aead.Seal(out, nonce, []byte(s), []byte{version}), nil
}

// Open decrypts a value made by Seal; nil opens to "".
func (b *Box) Open(blob []byte) (string, error) {
	if len(blob) == 0 {
		return "", nil
	}
	ns := b.aead.NonceSize()
	if blob[0] != version || len(blob) < 1+ns+b.aead.Overhead() {
		return "", ErrOpen
	}
	plain, err := b.aead.Open(nil, blob[1:1+ns], blob[1+ns:], blob[:1])
	if err != nil {
		return "", ErrOpen
	}
	return string(plain), nil
}

// Index returns a keyed hash of s for exact-match search over sealed values
// (e.g. find a member by phone) without storing s in clear; "" for "".
func (b *Box) Index(s string) string {
	if s == "" {
		return ""
	}
	mac := hmac.New(sha256.New, b.indexKey)
	mac.Write([]byte(s))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// LoadOrCreateKey reads the key at path, or creates one (0600, in a folder
// made 0700) when the file does not exist. created says which happened.
func LoadOrCreateKey(path string) (key []byte, created bool, err error) {
	key, err = os.ReadFile(path)
	if err == nil {
		if len(key) != KeySize {
			return nil, false, ErrKeyInvalid
		}
		return key, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	key = make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, err
	}
	// O_EXCL: two processes starting at once must not write two different keys.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return LoadOrCreateKey(path)
	}
	if err != nil {
		return nil, false, err
	}
	if _, err := f.Write(key); err != nil {
		f.Close()
		os.Remove(path)
		return nil, false, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, false, err
	}
	if err := f.Close(); err != nil {
		return nil, false, fmt.Errorf("closing key file: %w", err)
	}
	return key, true, nil
}
