import type { Range } from './limits'

type Translate = (key: string, args: Record<string, unknown>) => string

const num = (n: number) => n.toLocaleString('zh-CN')

/**
 * rangeError is what a form says under a number outside its range ('' when
 * it is fine): the allowed range in words, so nothing is silently clamped.
 */
export function rangeError(value: number | null | undefined, r: Range, t: Translate): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return r.optional ? '' : t('ranges.required', {})
  }
  if (r.off !== undefined && value === r.off) return ''
  const whole = r.fraction || Number.isInteger(value)
  if (whole && value >= r.min && (r.max === undefined || value <= r.max)) return ''
  const args = { min: num(r.min), max: r.max === undefined ? '' : num(r.max), off: r.off ?? '' }
  if (r.max === undefined) return t('ranges.atLeast', args)
  if (r.fraction) return t('ranges.betweenNumber', args)
  return t(r.off !== undefined ? 'ranges.betweenOrOff' : 'ranges.between', args)
}
