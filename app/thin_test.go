package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// maxBindingLines is the longest function the desktop binding may hold:
// every figure and rule lives in a backend service the CLI calls too, so a
// longer function here is logic that only the window has (issue 23).
const maxBindingLines = 40

// TestAppIsAThinBinding keeps app/ a binding over the backend services:
// no function longer than maxBindingLines, and the workspace (Config.Store)
// only handed to service constructors, never asked anything directly — a
// store call here would be a use case the command line cannot reach.
func TestAppIsAThinBinding(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > maxBindingLines {
					t.Errorf("%s: %s is %d lines (at most %d): move its logic into a backend service", name, fd.Name.Name, n, maxBindingLines)
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.StructType:
				for _, fld := range n.Fields.List {
					if isStorePointer(fld.Type) && !(name == "app.go" && len(fld.Names) == 1 && fld.Names[0].Name == "Store") {
						t.Errorf("%s: a field of type *store.Store: hold the service instead", fset.Position(fld.Pos()))
					}
				}
			case *ast.FuncType:
				// A function handed the workspace would ask it things;
				// opening one (a result) is main's start-up.
				for _, p := range n.Params.List {
					if isStorePointer(p.Type) {
						t.Errorf("%s: a parameter of type *store.Store: take the service instead", fset.Position(p.Pos()))
					}
				}
			case *ast.CallExpr:
				// x.Store.Method(…): the workspace asked directly.
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
					if inner, ok := sel.X.(*ast.SelectorExpr); ok && inner.Sel.Name == "Store" {
						t.Errorf("%s: Store.%s called from app: call a backend service", fset.Position(n.Pos()), sel.Sel.Name)
					}
				}
			}
			return true
		})
	}
}

func isStorePointer(e ast.Expr) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "store" && sel.Sel.Name == "Store"
}
