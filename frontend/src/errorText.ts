import { ApiError } from './api'

type Translate = (key: string) => string

/** errorText is what a screen shows for a failure: Go's own words when it sent them. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.unknown')
  if (error.code === 'unavailable') return t('errors.unavailable')
  return error.message || t('errors.unknown')
}
