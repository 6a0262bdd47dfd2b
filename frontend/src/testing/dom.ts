import { flushPromises } from '@vue/test-utils'

/** $ finds one element anywhere in the page (Naive UI teleports some out of the mounted tree). */
export const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)

/**
 * typeInto types text into the input inside the element with testid, as a
 * user does, and leaves it (blur): where a number field would clamp a value
 * on blur, the form must show the value's range instead.
 */
export async function typeInto(testid: string, text: string) {
  const input = $<HTMLInputElement>(`[data-testid="${testid}"] input`)!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('blur', { bubbles: true }))
  await flushPromises()
}
