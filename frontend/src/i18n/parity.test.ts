import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\s*([\w.]+)\s*\}/g)].map((m) => m[1]).sort()
}

const zh = leaves(zhCN as Tree)
const english = leaves(en as Tree)

describe('translation parity', () => {
  it('has every Chinese key in English', () => {
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([])
  })

  it('has every English key in Chinese', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...zh].filter(([k, v]) => english.has(k) && placeholders(v).join() !== placeholders(english.get(k)!).join())
    expect(mismatched.map(([k]) => k)).toEqual([])
  })

  it('has no empty strings', () => {
    expect([...zh, ...english].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })

  it('avoids characters vue-i18n treats as syntax', () => {
    // `|` separates plural forms and `@` starts a linked message.
    expect([...zh, ...english].filter(([, v]) => /[|@]/.test(v)).map(([k]) => k)).toEqual([])
  })

  it('uses the glossary words', () => {
    expect(zhCN.nav.groups).toBe('社群')
    expect(en.nav.groups).toBe('Groups')
    expect(zhCN.groupForm.staff).toBe('工作人员')
    expect(en.groupForm.staff).toBe('Staff')
    expect(zhCN.groups.columns.members).toBe('成员')
    expect([zhCN.types.interest.label, zhCN.types.service.label, zhCN.types.resource.label]).toEqual(['兴趣社交型', '客户服务型', '资源对接型'])
    expect([zhCN.profiles.education, zhCN.profiles.ecommerce, zhCN.profiles.industry]).toEqual(['在线教育群', '电商福利群', '行业交流群'])
    expect(zhCN.groupForm.checkin).toContain('打卡')
    expect(en.groupForm.checkin.toLowerCase()).toContain('check-in')
    expect([zhCN.nav.import, en.nav.import]).toEqual(['导入', 'Import'])
    expect([zhCN.imports.tiers.admin, zhCN.imports.tiers.core, zhCN.imports.tiers.normal]).toEqual(['管理员', '核心成员', '普通成员'])
    expect([en.imports.tiers.admin, en.imports.tiers.core, en.imports.tiers.normal]).toEqual(['Admin', 'Core member', 'Member'])
    expect(zhCN.imports.fields.joined_at).toBe('入群时间')
    expect(zhCN.imports.options.rosterHint).toContain('退群')
    expect(en.imports.options.rosterHint).toContain('left')
  })
})
