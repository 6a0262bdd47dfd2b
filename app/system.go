package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// SystemService is the bound service for app-wide facts and preferences:
// version, where the data lives, the UI language.
type SystemService struct {
	app *App
}

// sinceStart is how long ago this process started: on Linux from the
// kernel's record of it, elsewhere from Config.Started, the moment main
// began (the dynamic loader has mapped GTK and WebKit by then, about a
// fifth of a second after the start on the build machine), read against
// the app's one clock. Without Started (tests) it is 0 there.
func (a *App) sinceStart() time.Duration {
	stat, err := os.ReadFile("/proc/self/stat")
	if err == nil {
		var up []byte
		if up, err = os.ReadFile("/proc/uptime"); err == nil {
			if d, ok := startedAgo(stat, up); ok {
				return d
			}
		}
	}
	if a.cfg.Started.IsZero() {
		return 0
	}
	return a.clock().Now().Sub(a.cfg.Started)
}

// startedAgo reads how long ago a process started from its /proc/PID/stat
// (field 22: the start in clock ticks since boot, which Linux reports to
// programs at 100 a second) and /proc/uptime (seconds since boot).
func startedAgo(stat, uptime []byte) (time.Duration, bool) {
	end := bytes.LastIndexByte(stat, ')') // the command name may hold spaces and parentheses
	if end < 0 {
		return 0, false
	}
	fields := strings.Fields(string(stat[end+1:])) // fields[0] is field 3, the state
	up := strings.Fields(string(uptime))
	if len(fields) < 20 || len(up) == 0 {
		return 0, false
	}
	ticks, err := strconv.ParseUint(fields[19], 10, 64)
	if err != nil {
		return 0, false
	}
	now, err := strconv.ParseFloat(up[0], 64)
	if err != nil {
		return 0, false
	}
	ago := time.Duration((now - float64(ticks)/100) * float64(time.Second))
	if ago < 0 || ago > 24*time.Hour {
		return 0, false
	}
	return ago, true
}

// firstScreens are the screens a start opens on. Any other name from the
// page is noted as "other", so the log never carries the page's text.
var firstScreens = map[string]bool{"overview": true, "welcome": true, "lock": true}

// FirstScreen is called by the window once its first screen is painted: the
// Overview's cards, the welcome or the lock screen. It notes on the log
// (standard error) how long the start took, once per start, so that a slow
// start shows in a support log and the desktop smoke test can time the
// start without polling the screen (which, on two cores, slows what it
// measures).
func (s *SystemService) FirstScreen(screen string) {
	if !firstScreens[screen] {
		screen = "other"
	}
	s.app.shown.Do(func() {
		fmt.Fprintf(s.app.cfg.Log, "qunzhu: first screen (%s) drawn %.2f s after start\n", screen, s.app.sinceStart().Seconds())
	})
}

// Info describes the running app, and whether the welcome screen is due.
func (s *SystemService) Info() (SystemInfoDTO, error) {
	// Locked: nothing can be read until the lock screen is answered, and
	// the welcome is not due.
	welcome, err := s.app.setSvc.NeedsWelcome(s.app.context())
	return SystemInfoDTO{
		ProductName: ProductName,
		Version:     s.app.cfg.Version,
		Language:    s.app.lang(),
		DataDir:     filepath.Dir(s.app.cfg.DBPath),
		DBPath:      s.app.cfg.DBPath,
		KeyPath:     s.app.cfg.KeyPath,
		Platform:    runtime.GOOS + "/" + runtime.GOARCH,
		Welcome:     welcome,
		Locked:      s.app.locked(),
	}, err
}

// SetLanguage switches the language ("zh" or "en") of messages from Go and
// remembers it for the next start.
func (s *SystemService) SetLanguage(lang string) (SystemInfoDTO, error) {
	lang, err := s.app.setSvc.SetLanguage(s.app.context(), lang)
	if err != nil {
		return SystemInfoDTO{}, err
	}
	s.app.setLang(lang)
	s.app.refreshMenu()
	return s.Info()
}
