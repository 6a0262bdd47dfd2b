// A screen's load where only the newest call lands.
import { ref } from 'vue'

/**
 * useLatest wraps a screen's load so that only the newest call lands: when
 * the operator switches week, group or member while an answer is on its
 * way, the older answer (or its error) is dropped instead of overwriting the
 * newer one. fetch returns null when there is nothing to load yet; apply
 * takes the answer, fail (if given) an error after loadError is set.
 */
export function useLatest<T>(fetch: () => Promise<T> | null, apply: (v: T) => void, fail?: (e: unknown) => void) {
  const loading = ref(false)
  const loadError = ref<unknown>(null)
  let seq = 0
  async function load() {
    const pending = fetch()
    if (!pending) return
    const mine = ++seq
    loading.value = true
    loadError.value = null
    try {
      const v = await pending
      if (mine === seq) apply(v)
    } catch (e) {
      if (mine === seq) {
        loadError.value = e
        fail?.(e)
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  return { loading, loadError, load }
}
