import { describe, expect, it } from 'vitest'
import { applyLocale, i18n } from '../i18n'
import { screenLines } from './screen'

const t = (k: string, a?: Record<string, unknown>) => i18n.global.t(k, a ?? {})
const crit = { regions: ['杭州', '上海'], openHour: 9, closeHour: 22, minFriends: 500 }

describe('screening lines', () => {
  it('shows each criterion with its inputs', () => {
    applyLocale('zh-CN')
    const lines = screenLines(
      { score: 2, region: '浙江 杭州', regionOk: true, friends: 320, influence: false, messages: 8, overlap: 0.875, active: true, listed: false, activeHours: '' },
      crit,
      t,
    )
    expect(lines.map((l) => l.ok)).toEqual([true, false, true])
    expect(lines[0].text).toBe('地区：浙江 杭州（目标：杭州、上海）')
    expect(lines[1].text).toBe('好友数：320（需超过 500）')
    expect(lines[2].text).toBe('活跃时段：8 条发言中 87.5% 在营业时段 09:00–22:00 内（需超过 60%）')
  })

  it('says why a criterion is unknown instead of failing it', () => {
    const lines = screenLines(
      { score: 0, region: '', regionOk: null, friends: null, influence: null, messages: 0, overlap: null, active: null, listed: false, activeHours: '' },
      { ...crit, regions: [] },
      t,
    )
    expect(lines.map((l) => l.ok)).toEqual([null, null, null])
    expect(lines.map((l) => l.text)).toEqual(['地区：本群未设置目标地区', '好友数：名单中没有', '活跃时段：没有发言，名单也没写，无法判断'])
  })

  it('judges a member without messages on the hours the list gives', () => {
    const lines = screenLines(
      { score: 1, region: '', regionOk: null, friends: null, influence: null, messages: 0, overlap: 1, active: true, listed: true, activeHours: '20:00-22:00' },
      crit,
      t,
    )
    expect(lines[2]).toEqual({ key: 'active', ok: true, text: '活跃时段：名单写的 20:00-22:00 有 100% 在营业时段 09:00–22:00 内（需超过 60%）' })
  })
})
