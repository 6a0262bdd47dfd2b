// Package app is the desktop shell: the only package that imports Wails.
// It binds one service per UI area, translates errors at the edge and keeps
// window state; all logic lives in backend/.
package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/auditsvc"
	"qunzhu/backend/service/contentsvc"
	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/livesvc"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/service/reportsvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/service/rulesvc"
	"qunzhu/backend/service/settingsvc"
	"qunzhu/backend/service/teamsvc"
	"qunzhu/backend/store"
)

// ProductName is shown in the title bar and the About box.
const ProductName = "群主工作台 Qunzhu"

// Config is everything main hands the shell.
type Config struct {
	Version string
	DBPath  string
	KeyPath string
	Store   *store.Store
	Assets  fs.FS        // the built frontend (frontend/dist)
	Icon    []byte       // PNG shown by the window manager on Linux
	Clock   domain.Clock // nil: the system clock
	Log     io.Writer    // nil: standard error; where start-up notes go
	Started time.Time    // when main began (the start-up log's fallback); zero: unknown
}

// App holds the running window's state shared by the bound services.
type App struct {
	cfg Config

	mu      sync.RWMutex
	ctx     context.Context
	started bool          // the window is up and ctx is Wails' own
	quit    chan struct{} // closed when the window has closed (shutdown)
	quitOne sync.Once
	shown   sync.Once // the first screen's start-up time is noted once
	lng     string
	sys     *SystemService
	grps    *GroupService
	imps    *ImportService
	hlth    *HealthService
	rpts    *ReportService
	mbrs    *MembersService
	rule    *RulesService
	auto    *AutomationService
	safe    *SafetyService
	team    *TeamService
	adt     *AuditService
	cont    *ContentService
	risk    *RiskService
	strt    *StartService
	// settings and team areas (issue 23): the use-case services behind
	// SystemService, SafetyService and TeamService
	setSvc  *settingsvc.Service
	teamSvc *teamsvc.Service
	opts    *OptionsService
	// the live watch (issue 24): its bound service and background runner
	live *LiveService
}

// New builds the shell around an open store.
func New(cfg Config) *App {
	if cfg.Clock == nil {
		cfg.Clock = domain.SystemClock{}
	}
	if cfg.Log == nil {
		cfg.Log = os.Stderr
	}
	a := &App{cfg: cfg, ctx: context.Background(), lng: msg.ZH, quit: make(chan struct{})}
	a.setSvc = settingsvc.New(cfg.Store, cfg.Clock, settingsvc.Options{Created: cfg.Store.Created, LoadDemo: a.loadDemo})
	a.teamSvc = teamsvc.New(cfg.Store, cfg.Clock)
	a.lng = a.setSvc.Language(context.Background())
	content := contentsvc.New(cfg.Store, cfg.Clock)
	risks := risksvc.New(cfg.Store, cfg.Clock)
	a.sys = &SystemService{app: a}
	a.grps = &GroupService{app: a, svc: groupsvc.New(cfg.Store, cfg.Clock)}
	a.imps = &ImportService{app: a, svc: importsvc.New(cfg.Store, cfg.Clock, risks)}
	a.hlth = newHealthService(a, healthsvc.New(cfg.Store, cfg.Clock))
	a.rpts = &ReportService{app: a, svc: reportsvc.New(cfg.Store, cfg.Clock)}
	a.mbrs = &MembersService{app: a, svc: membersvc.New(cfg.Store, cfg.Clock)}
	a.rule = &RulesService{app: a, svc: rulesvc.New(cfg.Store, cfg.Clock)}
	a.auto = &AutomationService{app: a, svc: content}
	a.safe = &SafetyService{app: a, svc: a.setSvc}
	a.team = &TeamService{app: a, svc: a.teamSvc}
	a.adt = &AuditService{app: a, svc: auditsvc.New(cfg.Store, cfg.Clock)}
	a.cont = &ContentService{app: a, svc: content}
	a.risk = &RiskService{app: a, svc: risks}
	a.strt = &StartService{app: a, svc: a.grps.svc}
	a.opts = &OptionsService{}
	// the live watch (issue 24) imports through the ImportService's path
	liveSvc := livesvc.New(cfg.Store, cfg.Clock, a.imps.svc)
	a.live = &LiveService{app: a, svc: liveSvc, runner: livesvc.NewRunner(liveSvc, a.liveHooks())}
	return a
}

// Run opens the window and blocks until it is closed.
func (a *App) Run() error {
	ws := a.setSvc.Window(context.Background())
	start := options.Normal
	if ws.Max {
		start = options.Maximised
	}
	return wails.Run(&options.App{
		Title:            ProductName,
		Width:            ws.W,
		Height:           ws.H,
		MinWidth:         settingsvc.MinWindowW,
		MinHeight:        settingsvc.MinWindowH,
		WindowStartState: start,
		AssetServer:      &assetserver.Options{Assets: a.cfg.Assets},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 252, A: 255},
		OnStartup:        a.startup,
		OnBeforeClose:    a.beforeClose,
		OnShutdown:       a.shutdown,
		Bind:             []any{a.sys, a.grps, a.imps, a.hlth, a.mbrs, a.rule, a.rpts, a.auto, a.safe, a.team, a.adt, a.cont, a.risk, a.strt, a.opts, a.live},
		Menu:             a.menu(),
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true},
		ErrorFormatter:   a.formatError,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(a.cfg.DBPath),
			OnSecondInstanceLaunch: a.secondInstance,
		},
		// No hardware acceleration for the web view: Qunzhu's screens are
		// tables, forms and charts drawn on canvas, which need no GPU
		// compositing; without it WebKit's processes idle about 85 MB
		// smaller and the first screen is drawn sooner (measured by the
		// desktop smoke test), and it is what Wails chooses by default
		// because of GPU-driver crashes (wails#2977).
		Linux: &linux.Options{Icon: a.cfg.Icon, ProgramName: "qunzhu", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		// macOS shows this in the application menu's About item (untested here).
		Mac: &mac.Options{About: &mac.AboutInfo{Title: ProductName, Message: a.cfg.Version, Icon: a.cfg.Icon}},
	})
}

// EventWriteWaiting is emitted, once per change, when a change (a note
// saved, an undo) waits for another import to finish before it can be
// written: the window says so instead of seeming stuck.
const EventWriteWaiting = "write:waiting"

func (a *App) startup(ctx context.Context) {
	a.mu.Lock()
	// Every store call of the window runs under this context, so each
	// change that has to wait for an import says so; an import's own
	// notice (its progress card) replaces this one for the import.
	a.ctx = store.WithWaitNotice(ctx, func() { wruntime.EventsEmit(ctx, EventWriteWaiting) })
	a.started = true
	a.mu.Unlock()
	a.safe.startAutoBackups()
	a.live.startRunner()
}

// shutdown stops the background work (automatic backups) before the
// workspace is closed.
func (a *App) shutdown(context.Context) { a.quitOne.Do(func() { close(a.quit) }) }

func (a *App) running() bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.started
}

// beforeClose remembers the window size for the next start; it never
// prevents closing.
func (a *App) beforeClose(ctx context.Context) bool {
	ws := settingsvc.WindowState{Max: wruntime.WindowIsMaximised(ctx)}
	ws.W, ws.H = wruntime.WindowGetSize(ctx)
	_ = a.setSvc.SaveWindow(context.Background(), ws)
	return false
}

// secondInstance brings the running window forward when the app is started
// again on the same workspace, instead of opening a second writer.
func (a *App) secondInstance(options.SecondInstanceData) {
	ctx := a.context()
	wruntime.WindowUnminimise(ctx)
	wruntime.WindowShow(ctx)
}

func (a *App) context() context.Context {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.ctx
}

func (a *App) clock() domain.Clock { return a.cfg.Clock }

func (a *App) lang() string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.lng
}

func (a *App) setLang(l string) {
	a.mu.Lock()
	a.lng = l
	a.mu.Unlock()
}

// instanceID makes the single-instance lock per workspace: two different
// database files may be open side by side, the same one only once.
func instanceID(dbPath string) string {
	sum := sha256.Sum256([]byte(dbPath))
	return "qunzhu-" + hex.EncodeToString(sum[:8])
}
