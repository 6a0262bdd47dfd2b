package cli

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/settingsvc"
	"qunzhu/backend/store"
)

// EnvPassphrase holds the workspace passphrase for scripts (--passphrase-file
// overrides it). It is never printed.
const EnvPassphrase = "QUNZHU_PASSPHRASE"

// passphrase is the current workspace passphrase: the first line of
// --passphrase-file FILE, else $QUNZHU_PASSPHRASE, else "".
func (r *run) passphrase() (string, error) {
	if f, ok := r.inv.flags["passphrase-file"]; ok {
		return readPassphraseFile(f)
	}
	return r.Getenv(EnvPassphrase), nil
}

// readPassphraseFile reads a passphrase from a file ("-" for standard input
// is not offered here: stdin carries the new passphrase): its first line,
// without the line ending.
func readPassphraseFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", domain.Errorf(domain.EINVALID, "passphrase.file", map[string]any{"file": path})
	}
	defer f.Close()
	return firstLine(f)
}

func firstLine(rd io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(rd, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// newPassphrase is the passphrase being set: the first line of --new-file
// FILE, else of standard input.
func (r *run) newPassphrase() (string, error) {
	var next string
	var err error
	if f, ok := r.inv.flags["new-file"]; ok {
		next, err = readPassphraseFile(f)
	} else if r.Stdin != nil {
		next, err = firstLine(r.Stdin)
	}
	if err == nil && next == "" {
		err = domain.Errorf(domain.EINVALID, "passphrase.empty", nil)
	}
	return next, err
}

func (r *run) passphraseSet(ctx context.Context, st *store.Store) error {
	next, err := r.newPassphrase()
	if err != nil {
		return err
	}
	svc := settingsvc.New(st, r.Clock, settingsvc.Options{})
	if svc.Protected() {
		// Setting over an existing passphrase is a change: the current one
		// opened the store already.
		return r.passphraseChangeTo(ctx, svc, next)
	}
	res, err := svc.SetPassphrase(ctx, "", next)
	if err != nil {
		return err
	}
	return r.passphraseDone("set", "cli.passphrase_set", res)
}

func (r *run) passphraseChange(ctx context.Context, st *store.Store) error {
	next, err := r.newPassphrase()
	if err != nil {
		return err
	}
	return r.passphraseChangeTo(ctx, settingsvc.New(st, r.Clock, settingsvc.Options{}), next)
}

func (r *run) passphraseChangeTo(ctx context.Context, svc *settingsvc.Service, next string) error {
	old, err := r.passphrase()
	if err != nil {
		return err
	}
	res, err := svc.SetPassphrase(ctx, old, next)
	if err != nil {
		return err
	}
	return r.passphraseDone("changed", "cli.passphrase_changed", res)
}

func (r *run) passphraseRemove(ctx context.Context, st *store.Store) error {
	old, err := r.passphrase()
	if err != nil {
		return err
	}
	res, err := settingsvc.New(st, r.Clock, settingsvc.Options{}).SetPassphrase(ctx, old, "")
	if err != nil {
		return err
	}
	return r.passphraseDone("removed", "cli.passphrase_removed", res)
}

func (r *run) passphraseDone(what, key string, res settingsvc.PassphraseState) error {
	if r.inv.json {
		return r.printJSON(map[string]any{"passphrase": what, "key": res.Key, "protected": res.Protected})
	}
	r.say(key, map[string]any{"key": res.Key})
	return nil
}
