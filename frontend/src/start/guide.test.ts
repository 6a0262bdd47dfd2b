import { describe, expect, it } from 'vitest'
import { applyLocale, i18n } from '../i18n'
import { chatFormats } from '../importLabels'
import { guideFormat, guidePage, guidePath, guideSources, isGuideSource } from './guide'

const { t, te } = i18n.global
const tr = (k: string) => t(k)
const has = (k: string) => te(k)

describe('如何导出聊天记录', () => {
  it('has a page for every supported source, each offered by the import wizard', () => {
    expect(guideSources).toEqual(['memotrace', 'pywxdump', 'chatlog', 'forward', 'wecom', 'sheet'])
    for (const s of guideSources) expect(chatFormats).toContain(guideFormat[s])
    expect(isGuideSource('pywxdump')).toBe(true)
    expect(isGuideSource('qq')).toBe(false)
    expect(guidePath('chatlog', 3)).toBe('/import/guide/chatlog?group=3')
    expect(guidePath('sheet')).toBe('/import/guide/sheet')
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`gives every source what it is, its steps, the file to pick and what it loses (${locale})`, () => {
      applyLocale(locale)
      for (const s of guideSources) {
        const p = guidePage(tr, has, s)
        expect(p.name, s).not.toBe(`exportGuide.${s}.name`)
        expect(p.what.length, s).toBeGreaterThan(20)
        expect(p.steps.length, s).toBeGreaterThanOrEqual(3)
        expect(p.loses.length, s).toBeGreaterThanOrEqual(2)
        expect(p.meaning.length, s).toBeGreaterThan(10)
        // which file: every page names the file's ending
        expect(p.pick, s).toMatch(/\.(csv|json|jsonl|txt)/)
      }
      applyLocale('zh-CN')
    })
  }

  it('says in plain Chinese what each export loses', () => {
    applyLocale('zh-CN')
    const loses = (s: (typeof guideSources)[number]) => guidePage(tr, has, s).loses.join('')
    expect(loses('forward')).toContain('只有名字')
    expect(loses('forward')).toContain('分钟')
    expect(loses('sheet')).toContain('只有名字')
    expect(loses('pywxdump')).toContain('只有微信号')
    expect(loses('wecom')).toContain('撤回')
    expect(loses('memotrace')).toContain('链接')
    // no developer words on these pages: no field keys of the files, no flags
    for (const s of guideSources) {
      const p = guidePage(tr, has, s)
      const all = [p.what, ...p.steps, p.pick, ...p.loses, p.meaning].join('\n')
      expect(all, s).not.toMatch(/--\w|StrContent|CreateTime|msgtime|is_sender|talkerName/)
    }
  })
})
