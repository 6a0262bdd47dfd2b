# Qunzhu 群主工作台 — build, run and test. Two commands matter:
#   make run    install what is missing, build, open the app (demo workspace on first start)
#   make test   install what tests need and run every test
# Both work on a fresh Debian bookworm machine with Go 1.26, Node 20 and npm 11.

SHELL       := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GOBIN       := $(shell go env GOPATH)/bin
WAILS       := $(GOBIN)/wails
WAILS_VER   := v2.9.2
# WebKitGTK 4.1 is the maintained API on current Debian; Wails selects it with this tag.
TAGS        := webkit2_41
# One version for the binary, the Windows installer and the .deb: a release
# tag v1.2.3 gives 1.2.3 (1.2.3-4-gHASH on later commits); before the first
# tag, wails.json's productVersion with the commit: 0.1.0-dev+g2750b2d.
BASE_VERSION := $(shell sed -n 's/.*"productVersion": *"\([0-9.]*\)".*/\1/p' wails.json)
VERSION     ?= $(shell v=$$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null) && echo "$$v" | sed 's/^v//' || \
                 echo "$(BASE_VERSION)-dev+g$$(git describe --always --dirty 2>/dev/null || echo unknown)")
# Computed once and handed to sub-makes: every artefact of one run gets the
# same string even if a commit lands while it builds.
VERSION     := $(VERSION)
export VERSION
LDFLAGS     := -X qunzhu/backend/buildinfo.Version=$(VERSION)
OUT         := test-output

DESKTOP_PKGS := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config
TEST_PKGS    := chromium xvfb xauth imagemagick xdotool fonts-noto-cjk
# A throw-away PostgreSQL server runs the store tests a second time (team mode).
PG_PKGS      := postgresql

.PHONY: dist dist-windows dist-linux test-dist print-version bench bench-10m run build build-dev frontend deps-desktop deps-test deps-frontend deps-e2e wails-cli \
        test test-go test-pg deps-pg test-frontend test-e2e test-desktop lint clean

## run: install what is missing, build and open the desktop app
run: build
	./build/bin/qunzhu

## build: the desktop binary in build/bin/qunzhu
build: deps-desktop frontend
	$(WAILS) build -s -trimpath -tags $(TAGS) -ldflags "$(LDFLAGS)" -o qunzhu

## build-dev: the same app in Wails dev mode, which also serves the UI to a browser (tests)
build-dev: deps-desktop frontend
	go build -tags dev,$(TAGS) -ldflags "$(LDFLAGS)" -o build/bin/qunzhu-dev .

frontend: deps-frontend
	cd frontend && npm run build

# --- packages ------------------------------------------------------------------

## dist: the Windows installer and the Linux .deb in build/bin, with their sizes
dist: dist-windows dist-linux
	@echo "packages of Qunzhu $(VERSION):"
	@ls -l build/bin/qunzhu-amd64-installer.exe build/bin/qunzhu_*_amd64.deb | awk '{printf "  %-45s %6.1f MB\n", $$NF, $$5/1048576}'

# Cross-built from Linux: Wails for Windows needs no cgo, and Debian's nsis
# runs Wails' installer script (build/windows/installer/project.nsi).
# The installer's file version must be the X.Y.Z of wails.json, so a release
# tag that disagrees with it stops here instead of shipping two versions.
dist-windows: wails-cli frontend
	@$(call apt_install,nsis)
	@case "$(VERSION)" in "$(BASE_VERSION)"|"$(BASE_VERSION)"[-+]*) ;; \
	  *) echo "VERSION $(VERSION) does not start with wails.json's productVersion $(BASE_VERSION): update wails.json"; exit 1;; esac
	printf '!define QZ_VERSION "%s"\n' '$(VERSION)' > build/windows/installer/version.nsh
	$(WAILS) build -s -m -trimpath -platform windows/amd64 -nsis -ldflags "$(LDFLAGS)" -o qunzhu.exe

# The .deb is made by a Go command around nfpm (tools/qunzhu-pkg, not part of
# the app) from the Linux binary that `make build` makes.
dist-linux: build
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || date +%s) \
	  go -C tools/qunzhu-pkg run . -root "$(CURDIR)" -version '$(VERSION)' -binary build/bin/qunzhu -out build/bin

# --- installing what is missing -------------------------------------------

define apt_install
	missing=""; for p in $(1); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

deps-desktop: wails-cli
	@$(call apt_install,$(DESKTOP_PKGS))

deps-test:
	@$(call apt_install,$(DESKTOP_PKGS) $(TEST_PKGS) $(PG_PKGS))

deps-pg:
	@$(call apt_install,$(PG_PKGS))

# `go install wails@v2.9.2` fails on Go 1.26 (its pinned x/tools no longer
# compiles), so the CLI is built in a throw-away module with a newer x/tools.
wails-cli:
	@if ! $(WAILS) version 2>/dev/null | grep -q "$(WAILS_VER)"; then \
	  echo "building the Wails CLI $(WAILS_VER)"; \
	  d=$$(mktemp -d); cd "$$d"; go mod init wailscli >/dev/null 2>&1; \
	  go get github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VER) golang.org/x/tools@v0.52.0 >/dev/null 2>&1; \
	  go build -o "$(WAILS)" github.com/wailsapp/wails/v2/cmd/wails; rm -rf "$$d"; \
	fi

deps-frontend:
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then \
	  cd frontend && npm ci --no-audit --no-fund; fi

deps-e2e:
	@if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then \
	  cd tests/e2e && npm ci --no-audit --no-fund; fi

# --- tests -----------------------------------------------------------------

## test: every test — Go, frontend, browser end-to-end, desktop smoke
test: deps-test wails-cli
	$(MAKE) --no-print-directory lint test-go test-pg test-frontend test-e2e test-desktop test-dist

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go -C tools/qunzhu-pkg vet ./...

test-go:
	CGO_ENABLED=0 go build ./backend/...
	mkdir -p $(OUT)
	QUNZHU_OUT=$(CURDIR)/$(OUT) go test -count=1 ./...
	go -C tools/qunzhu-pkg test -count=1 ./...

## test-pg: the tests of every package that opens a workspace (each has a
## pg_main_test.go) again, on a throw-away PostgreSQL server on loopback
## (tests/pg/with-postgres.sh; QUNZHU_TEST_PG, the pgtest build tag)
test-pg: deps-pg
	tests/pg/with-postgres.sh go test -count=1 $$(git ls-files '*pg_main_test.go' | xargs -n1 dirname | sort -u | sed 's|^|./|')

test-frontend: deps-frontend
	cd frontend && npm test

test-e2e: build-dev deps-e2e
	mkdir -p $(OUT)
	cd tests/e2e && QUNZHU_OUT=$(CURDIR)/$(OUT) node --test --test-concurrency=1 browser.test.mjs import.test.mjs health.test.mjs health_first.test.mjs score.test.mjs advice.test.mjs members.test.mjs merge.test.mjs rules.test.mjs risk.test.mjs reports.test.mjs welcome.test.mjs automation.test.mjs safety.test.mjs hostile.test.mjs audit.test.mjs content.test.mjs weeks.test.mjs start.test.mjs cleanup.test.mjs team.test.mjs firsthour.test.mjs live.test.mjs

test-desktop: build deps-e2e
	mkdir -p $(OUT)
	cd tests/e2e && QUNZHU_OUT=$(CURDIR)/$(OUT) node --test --test-concurrency=1 desktop.test.mjs

## test-dist: make dist, then check, install (dpkg -i), run and remove the .deb; check the .exe
test-dist: dist deps-e2e
	@$(call apt_install,desktop-file-utils file $(TEST_PKGS))
	tests/dist/check.sh '$(VERSION)' '$(SUDO)'

## print-version: the VERSION every package of this checkout gets
print-version:
	@echo '$(VERSION)'

## bench: Go benchmarks of parsers, store and queries, then the full-import table
bench:
	@$(call apt_install,sqlite3)
	go test -run '^$$' -bench . -benchtime 1x ./backend/...
	go run ./backend/cmd/qunzhu-bench

## bench-10m: the import and member-ledger table at 10,000,000 messages (not in make test:
## minutes, about 1.6 GB of CSV and a few GB of databases in a temporary folder, removed after)
bench-10m:
	@$(call apt_install,sqlite3)
	go run ./backend/cmd/qunzhu-bench -messages 10000000 -days 365

clean:
	rm -rf build/bin $(OUT) frontend/dist/assets frontend/dist/index.html build/windows/installer/tmp build/windows/installer/version.nsh
