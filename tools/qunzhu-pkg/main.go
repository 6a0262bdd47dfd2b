// Command qunzhu-pkg writes Qunzhu's Linux package (.deb) with nfpm's deb
// packager, so `make dist` needs no packaging tool outside Go. It lives in
// its own module: nfpm and its dependencies never reach the app's go.mod or
// the shipped binary.
//
//	go -C tools/qunzhu-pkg run . -root "$PWD" -version 0.1.0 -binary build/bin/qunzhu -out build/bin
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	_ "image/png" // the icon's size picks its hicolor folder
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/goreleaser/nfpm/v2"
	"github.com/goreleaser/nfpm/v2/deb"
	"github.com/goreleaser/nfpm/v2/files"
)

// Depends are the runtime libraries of a Wails v2 window built with the
// webkit2_41 tag (see the Makefile's TAGS).
var Depends = []string{"libgtk-3-0", "libwebkit2gtk-4.1-0"}

// Paths inside the package.
const (
	BinPath     = "/usr/bin/qunzhu"
	DesktopPath = "/usr/share/applications/qunzhu.desktop"
)

// IconPath is where an icon of size×size pixels goes in the hicolor theme.
func IconPath(size int) string {
	return fmt.Sprintf("/usr/share/icons/hicolor/%dx%d/apps/qunzhu.png", size, size)
}

// Options are the flags.
type Options struct {
	Root    string // the repository: wails.json, build/linux, build/appicon.png
	Version string // the build's VERSION (Makefile)
	Binary  string // the Linux desktop binary
	Out     string // folder of the .deb
	Arch    string
	MTime   time.Time // of every file in the package, for repeatable packages
}

func main() {
	var o Options
	flag.StringVar(&o.Root, "root", ".", "the repository's folder")
	flag.StringVar(&o.Version, "version", "", "the version, as `qunzhu version` prints it")
	flag.StringVar(&o.Binary, "binary", "build/bin/qunzhu", "the Linux desktop binary (relative to -root)")
	flag.StringVar(&o.Out, "out", "build/bin", "where to write the .deb (relative to -root)")
	flag.StringVar(&o.Arch, "arch", "amd64", "Debian architecture")
	flag.Parse()
	o.MTime = commitTime()
	path, err := Build(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "qunzhu-pkg:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}

// commitTime is SOURCE_DATE_EPOCH when set (make dist sets the commit's time,
// so one commit always packs the same files with the same dates), else now.
func commitTime() time.Time {
	var sec int64
	if _, err := fmt.Sscan(os.Getenv("SOURCE_DATE_EPOCH"), &sec); err == nil && sec > 0 {
		return time.Unix(sec, 0).UTC()
	}
	return time.Now().UTC().Truncate(time.Second)
}

// wailsProject is what the package takes from wails.json, so the product's
// names are written once.
type wailsProject struct {
	Author struct {
		Name  string `json:"name"`
		Email string `json:"email"`
	} `json:"author"`
	Info struct {
		CompanyName string `json:"companyName"`
		ProductName string `json:"productName"`
		Comments    string `json:"comments"`
	} `json:"info"`
}

// Build writes the .deb and returns its path. Older qunzhu .debs in the
// output folder are removed so `make dist` lists exactly one.
func Build(o Options) (string, error) {
	if o.Arch == "" {
		o.Arch = "amd64"
	}
	ver, err := DebVersion(o.Version)
	if err != nil {
		return "", err
	}
	at := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(o.Root, p)
	}
	var proj wailsProject
	b, err := os.ReadFile(at("wails.json"))
	if err == nil {
		err = json.Unmarshal(b, &proj)
	}
	if err != nil {
		return "", fmt.Errorf("reading wails.json: %w", err)
	}
	if _, err := os.Stat(at(o.Binary)); err != nil {
		return "", fmt.Errorf("the Linux binary is missing (make build): %w", err)
	}
	size, err := pngSize(at("build/appicon.png"))
	if err != nil {
		return "", err
	}
	mode := func(m os.FileMode) *files.ContentFileInfo {
		return &files.ContentFileInfo{Mode: m, MTime: o.MTime, Owner: "root", Group: "root"}
	}
	info := nfpm.WithDefaults(&nfpm.Info{
		Name:          "qunzhu",
		Arch:          o.Arch,
		Platform:      "linux",
		Version:       ver,
		VersionSchema: "none", // DebVersion already made a Debian version
		Section:       "misc",
		Priority:      "optional",
		Maintainer:    fmt.Sprintf("%s <%s>", proj.Author.Name, proj.Author.Email),
		Vendor:        proj.Info.CompanyName,
		Description: proj.Info.ProductName + "\n" +
			"A local-first desktop workbench for WeChat group operators: member ledger,\n" +
			"content calendar, weekly health checks and reports from the files you\n" +
			"already have. Nothing leaves the computer.",
		MTime: o.MTime,
		Overridables: nfpm.Overridables{
			Depends: Depends,
			Contents: files.Contents{
				{Source: at(o.Binary), Destination: BinPath, FileInfo: mode(0o755)},
				{Source: at("build/linux/qunzhu.desktop"), Destination: DesktopPath, FileInfo: mode(0o644)},
				{Source: at("build/appicon.png"), Destination: IconPath(size), FileInfo: mode(0o644)},
			},
		},
	})
	if err := nfpm.PrepareForPackager(info, "deb"); err != nil {
		return "", err
	}
	out := at(o.Out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	old, _ := filepath.Glob(filepath.Join(out, "qunzhu_*.deb"))
	for _, f := range old {
		_ = os.Remove(f)
	}
	path := filepath.Join(out, deb.Default.ConventionalFileName(info))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := deb.Default.Package(info, f); err != nil {
		f.Close()
		os.Remove(path)
		return "", err
	}
	return path, f.Close()
}

func pngSize(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(io.Reader(f))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if cfg.Width != cfg.Height {
		return 0, fmt.Errorf("%s: the icon must be square, not %dx%d", path, cfg.Width, cfg.Height)
	}
	return cfg.Width, nil
}

var (
	releaseVer = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	// after a tag: 1.2.3-4-gabc1234[-dirty]
	describeVer = regexp.MustCompile(`^([0-9]+\.[0-9]+\.[0-9]+)-([0-9]+)-(g[0-9a-f]+)(-dirty)?$`)
	// before the first tag: 0.1.0-dev+gabc1234[-dirty] (+gunknown outside git)
	devVer = regexp.MustCompile(`^([0-9]+\.[0-9]+\.[0-9]+)-dev\+(g[0-9a-z]+)(-dirty)?$`)
)

// DebVersion turns the Makefile's VERSION into a Debian version that sorts
// the way releases happen: a development build before its release
// (0.1.0~dev+gabc < 0.1.0) and commits after a tag after it
// (0.1.0 < 0.1.0+4.gabc). A hyphen would start a Debian revision, so none
// is left in.
func DebVersion(v string) (string, error) {
	switch {
	case releaseVer.MatchString(v):
		return v, nil
	case describeVer.MatchString(v):
		m := describeVer.FindStringSubmatch(v)
		return m[1] + "+" + m[2] + "." + m[3] + strings.ReplaceAll(m[4], "-", "."), nil
	case devVer.MatchString(v):
		m := devVer.FindStringSubmatch(v)
		return m[1] + "~dev+" + m[2] + strings.ReplaceAll(m[3], "-", "."), nil
	}
	return "", errors.New("version " + fmt.Sprintf("%q", v) + " is not X.Y.Z, X.Y.Z-N-gHASH or X.Y.Z-dev+gHASH (see VERSION in the Makefile)")
}
