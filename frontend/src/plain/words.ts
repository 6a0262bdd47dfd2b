// Plain Chinese on screen (issue 20, docs/ux.md "Plain words"): the zh-CN window shows
// no developer words — no field keys, i18n keys, JSON, command-line flags,
// time-zone ids or English role names. plainOffenders lists what a text shows
// that a Chinese operator should not have to read; allowlist.json is the one
// place a Latin word is allowed, each with its reason.
import list from './allowlist.json'

/** Latin words the zh-CN window may show, and why (allowlist.json, shared with the Go catalogue test). */
export const allowed: Record<string, string> = list.window

/**
 * The export guide (ExportGuideView) walks the operator through other tools'
 * screens, so it may name what those screens show — and nothing else.
 */
export const exportGuideAllowed: Record<string, string> = list.exportGuide

/** File extensions as the operator sees them at the end of a file name (以 .csv 结尾). */
const extensions = /\.(csv|xlsx|xls|json|jsonl|txt|ics|db|key|pdf|html)\b/g
// a connection address the operator types in team mode (postgres://用户:密码@主机:5432/数据库)
const connection = /postgres:\/\/\S*/g

/** plainOffenders lists the developer words in text (one rendered screen, or one message). */
export function plainOffenders(text: string, extra: Record<string, string> = {}): string[] {
  const out = new Set<string>()
  let s = text.replace(extensions, ' ').replace(connection, ' ')
  // versions (微信 4.x) and a Windows drive (D:\导出) are read as written
  s = s.replace(/\b\d+\.x\b/g, ' ').replace(/\b[A-Z]:\\/g, ' ')
  // JSON, command-line flags, dotted keys and snake_case keys, whatever their words
  for (const m of s.matchAll(/\{\s*"[^"]*"\s*:|--[a-z][\w-]*|\b[a-z]+(?:\.[a-zA-Z_]\w*)+\b|\b[a-z]+_[a-z_]+\b/g)) {
    if (!(m[0] in allowed || m[0] in extra)) out.add(m[0])
  }
  s = s.replace(/--[a-z][\w-]*/g, ' ')
  for (const m of s.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*/g)) {
    const w = m[0]
    if (w in allowed || w in extra) continue
    out.add(w)
  }
  return [...out]
}
