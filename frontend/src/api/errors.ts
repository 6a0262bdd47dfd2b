// ApiError is the one kind of error the api layer throws: a stable code and a
// message already in the user's language (Go's ErrorFormatter translates it).

/** Codes from Go's ErrorFormatter, plus 'unavailable' when no backend is bound. */
export type ApiErrorCode = 'invalid' | 'not_found' | 'conflict' | 'internal' | 'unavailable'

const knownCodes: readonly ApiErrorCode[] = ['invalid', 'not_found', 'conflict', 'internal', 'unavailable']

export class ApiError extends Error {
  readonly code: ApiErrorCode

  constructor(code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

function codeOf(value: unknown): ApiErrorCode {
  return knownCodes.includes(value as ApiErrorCode) ? (value as ApiErrorCode) : 'internal'
}

function fromObject(value: object): ApiError | null {
  const { code, message } = value as { code?: unknown; message?: unknown }
  if (typeof code !== 'string' && typeof message !== 'string') return null
  return new ApiError(codeOf(code), typeof message === 'string' ? message : '')
}

function fromString(text: string): ApiError {
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      if (parsed && typeof parsed === 'object') {
        const e = fromObject(parsed)
        if (e) return e
      }
    } catch {
      // not JSON after all: the text itself is the message
    }
  }
  return new ApiError('internal', trimmed)
}

function backendBound(): boolean {
  return typeof window !== 'undefined' && typeof (window as { go?: unknown }).go === 'object'
}

/**
 * toApiError turns whatever a bound call rejected with into an ApiError. Wails
 * delivers the formatter's {code, message} as an object, as a JSON string of it,
 * or (for errors raised outside the formatter) as a plain string.
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  if (typeof reason === 'string') return fromString(reason)
  if (reason instanceof Error) {
    // window.go is missing when the page runs outside Wails (plain `vite` dev).
    if (!backendBound()) return new ApiError('unavailable', '')
    return fromString(reason.message)
  }
  if (reason && typeof reason === 'object') {
    const e = fromObject(reason)
    if (e) return e
  }
  return new ApiError('internal', '')
}

/** call runs a bound method and rethrows any failure (sync or async) as ApiError. */
export async function call<T>(method: () => Promise<T>): Promise<T> {
  try {
    return await method()
  } catch (reason) {
    throw toApiError(reason)
  }
}
