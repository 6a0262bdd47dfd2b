package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDebVersion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0.1.0", "0.1.0"},
		{"1.2.3-4-gabc1234", "1.2.3+4.gabc1234"},
		{"1.2.3-4-gabc1234-dirty", "1.2.3+4.gabc1234.dirty"},
		{"0.1.0-dev+g2750b2d", "0.1.0~dev+g2750b2d"},
		{"0.1.0-dev+g2750b2d-dirty", "0.1.0~dev+g2750b2d.dirty"},
		{"0.1.0-dev+gunknown", "0.1.0~dev+gunknown"},
	} {
		got, err := DebVersion(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("DebVersion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "dev", "2750b2d", "v0.1.0", "0.1", "0.1.0 rm -rf"} {
		if got, err := DebVersion(bad); err == nil {
			t.Errorf("DebVersion(%q) = %q, want an error", bad, got)
		}
	}
}

// TestDebVersionOrder asks dpkg itself that a development build sorts before
// its release and later commits after it, so apt upgrades the right way.
func TestDebVersionOrder(t *testing.T) {
	if _, err := exec.LookPath("dpkg"); err != nil {
		t.Skip("dpkg is not installed")
	}
	order := []string{"0.1.0-dev+g2750b2d", "0.1.0", "0.1.0-3-gabc1234", "0.1.1-dev+gffff000"}
	for i := 0; i+1 < len(order); i++ {
		a, _ := DebVersion(order[i])
		b, _ := DebVersion(order[i+1])
		if err := exec.Command("dpkg", "--compare-versions", a, "lt", b).Run(); err != nil {
			t.Errorf("dpkg does not sort %s before %s", a, b)
		}
	}
}

// TestBuild packages a stand-in binary and reads the package back with
// dpkg-deb: the paths, the dependencies and the version are what apt sees.
func TestBuild(t *testing.T) {
	if _, err := exec.LookPath("dpkg-deb"); err != nil {
		t.Skip("dpkg-deb is not installed")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "qunzhu")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho qunzhu 0.1.0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(tmp, "qunzhu_0.0.9_amd64.deb")
	_ = os.WriteFile(stale, []byte("old"), 0o644)
	path, err := Build(Options{Root: "../..", Version: "0.1.0-dev+g2750b2d", Binary: bin, Out: tmp,
		MTime: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "qunzhu_0.1.0~dev+g2750b2d_amd64.deb" {
		t.Errorf("file name %s", filepath.Base(path))
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the older .deb was left beside the new one")
	}
	list, err := exec.Command("dpkg-deb", "--contents", path).CombinedOutput()
	if err != nil {
		t.Fatalf("dpkg-deb --contents: %v\n%s", err, list)
	}
	for _, want := range []string{"-rwxr-xr-x root/root", "./usr/bin/qunzhu", "./usr/share/applications/qunzhu.desktop",
		"./usr/share/icons/hicolor/512x512/apps/qunzhu.png"} {
		if !strings.Contains(string(list), want) {
			t.Errorf("package contents lack %q:\n%s", want, list)
		}
	}
	for field, want := range map[string]string{
		"Package": "qunzhu", "Version": "0.1.0~dev+g2750b2d", "Architecture": "amd64",
		"Depends": "libgtk-3-0, libwebkit2gtk-4.1-0",
	} {
		got, err := exec.Command("dpkg-deb", "--field", path, field).Output()
		if err != nil || strings.TrimSpace(string(got)) != want {
			t.Errorf("%s: %q, %v; want %q", field, strings.TrimSpace(string(got)), err, want)
		}
	}
}
