// The start-up time the operator sees: from the program's start until its
// first screen (the Overview's cards, the welcome or the lock screen) is
// painted. Each of those screens calls firstScreenDrawn once its content is
// in the page; Go notes the time on its log (SystemService.FirstScreen).
import { system } from './api'
import type { FirstScreen } from './api/system'

let reported = false

/**
 * firstScreenDrawn reports screen as the first screen of this start, after
 * the browser has painted the next frame (a frame callback, then a task: the
 * frame with the new content is on its way to the screen by then). Vue
 * applies pending changes to the page before any frame callback, so callers
 * need not wait for nextTick first. Only the
 * first call of a start counts; without the Go side (a unit test, a page
 * opened in a browser) nothing happens.
 */
export function firstScreenDrawn(screen: FirstScreen): void {
  if (reported) return
  reported = true
  requestAnimationFrame(() =>
    setTimeout(() => {
      try {
        void system.firstScreen(screen).catch(() => {})
      } catch {
        // no Go side to tell
      }
    }),
  )
}
