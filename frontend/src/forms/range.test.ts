import { describe, expect, it } from 'vitest'
import { i18n, applyLocale } from '../i18n'
import { limits } from './limits'
import { rangeError } from './range'

const t = (key: string, args: Record<string, unknown>) => i18n.global.t(key, args)

describe('rangeError', () => {
  it('names the allowed range of a number outside it, in Chinese and English', () => {
    applyLocale('zh-CN')
    expect(rangeError(15, limits.cadenceShares, t)).toBe('请填 0 到 14 之间的整数')
    expect(rangeError(999, limits.inactiveDays, t)).toBe('请填 7 到 90 之间的整数，或填 0 表示不用这条规则')
    expect(rangeError(99999999, limits.targetSize, t)).toBe('请填 0 到 2,000 之间的整数')
    expect(rangeError(-1, limits.count, t)).toBe('请填不小于 0 的整数')
    expect(rangeError(100.5, limits.mutePercent, t)).toBe('请填 0 到 100 之间的数')
    expect(rangeError(2.5, limits.strikeLimit, t)).toBe('请填 1 到 20 之间的整数')
    expect(rangeError(null, limits.backupKeep, t)).toBe('这一项不能空着')
    applyLocale('en')
    expect(rangeError(0, limits.cadenceCap, t)).toBe('Enter a whole number from 1 to 12')
    applyLocale('zh-CN')
  })

  it('accepts the bounds, the off value and an empty optional field', () => {
    for (const [v, r] of [
      [0, limits.cadenceShares], [14, limits.cadenceShares], [0, limits.floodCount], [2, limits.floodCount],
      [null, limits.targetSize], [2000, limits.targetSize], [33.3, limits.mutePercent], [0, limits.count],
    ] as const) {
      expect(rangeError(v, r, t)).toBe('')
    }
    expect(rangeError(1, limits.floodCount, t)).not.toBe('')
  })
})
